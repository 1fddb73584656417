package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.rules.PendingListCap;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.store.OfferedExecution;
import dev.fleetjobs.store.StoreReader;
import java.util.List;
import java.util.Optional;

/**
 * The executions a device is offered, shared by the device operations and the notifications so
 * that {@code notify}/{@code notify-next} always tell what GetPending and {@code $next} answer.
 */
final class OfferedExecutions {

    private OfferedExecutions() {
    }

    /**
     * What the device is offered, in order: IN_PROGRESS executions, then QUEUED ones of jobs not
     * SCHEDULED, capped as in spec 6 (10, plus 5 of jobs with maintenance windows).
     */
    static List<JobExecution> list(StoreReader reader, String thingName) {
        int limit = Constraints.PENDING_LIST_CAP_WITH_SCHEDULING;
        while (true) {
            List<OfferedExecution> rows = reader.offeredExecutions(thingName, limit);
            List<OfferedExecution> selected = PendingListCap.select(rows, OfferedExecution::windowed);
            if (selected.size() == Constraints.PENDING_LIST_CAP_WITH_SCHEDULING || rows.size() < limit) {
                return selected.stream().map(OfferedExecution::execution).toList();
            }
            // The first rows held more of one kind than the list shows: read further for the other kind.
            limit = Math.multiplyExact(limit, 4);
        }
    }

    static Optional<JobExecution> head(StoreReader reader, String thingName) {
        return reader.offeredExecutions(thingName, 1).stream().findFirst().map(OfferedExecution::execution);
    }
}
