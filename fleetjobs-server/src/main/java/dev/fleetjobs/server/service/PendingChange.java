package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import java.util.List;
import java.util.Optional;

/**
 * How one thing's pending executions changed in one committed unit of work (spec 3.5 and 5).
 *
 * @param setChanged   an execution joined or left the pending set: devices get {@code notify}
 * @param nextChanged  another execution (or none) is now the head: devices get {@code notify-next}
 * @param pending      the pending executions afterwards in offer order, at most the list cap
 * @param next         the head afterwards with its document, empty when nothing is pending
 */
public record PendingChange(String thingName, boolean setChanged, boolean nextChanged, List<JobExecution> pending,
                            Optional<ExecutionView> next) {

    public PendingChange {
        pending = List.copyOf(pending);
    }
}
