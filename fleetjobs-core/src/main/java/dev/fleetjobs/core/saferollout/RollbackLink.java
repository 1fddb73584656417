package dev.fleetjobs.core.saferollout;

import dev.fleetjobs.core.model.ExecutionStatus;
import java.util.List;
import java.util.Objects;

/**
 * A rollback job and the job it undoes.
 *
 * @param jobId             the rollback job
 * @param originalJobId     the job rolled back
 * @param statuses          the things chosen were those whose latest execution of the original had one of these
 * @param thingCount        how many things were chosen
 * @param originalCanceled  whether the original was canceled by the rollback
 */
public record RollbackLink(String jobId, String originalJobId, List<ExecutionStatus> statuses, long thingCount, boolean originalCanceled,
                           long createdAtMillis) {

    public RollbackLink {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(originalJobId, "originalJobId");
        statuses = List.copyOf(statuses);
    }
}
