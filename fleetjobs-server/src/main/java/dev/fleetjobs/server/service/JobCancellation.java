package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreTransaction;

/**
 * Canceling a job, however it is asked for (CancelJob, abort criteria, a schedule's end): the job
 * becomes CANCELED, its rollout stops, QUEUED executions are canceled and IN_PROGRESS ones only
 * with {@code force} (spec 2.9).
 */
final class JobCancellation {

    private static final int CANCEL_BATCH = 500;

    private JobCancellation() {
    }

    static Job cancel(StoreTransaction tx, Job job, boolean force, String reasonCode, String comment, long nowMillis) {
        Job canceled = job.canceled(force, reasonCode, comment, nowMillis);
        ExecutionChanges.jobEnded(tx, canceled, "cancellation_in_progress");
        tx.findRollout(job.jobId()).ifPresent(state -> {
            tx.clearRolloutTargets(job.jobId());
            tx.updateRollout(state.stopped(false).withDue(null));
        });
        cancelExecutions(tx, job.jobId(), ExecutionStatus.QUEUED, false, nowMillis);
        if (force) {
            cancelExecutions(tx, job.jobId(), ExecutionStatus.IN_PROGRESS, true, nowMillis);
        }
        ExecutionChanges.jobEvent(tx, canceled, "canceled");
        return canceled;
    }

    private static void cancelExecutions(StoreTransaction tx, String jobId, ExecutionStatus status, boolean force, long now) {
        // Canceled rows leave the status filter, so each round reads the first page again.
        Page<JobExecution> page = tx.executionsForJob(jobId, status, null, CANCEL_BATCH);
        while (!page.items().isEmpty()) {
            for (JobExecution execution : page.items()) {
                ExecutionChanges.change(tx, execution.withServiceStatus(ExecutionStatus.CANCELED, force, null, now), now);
            }
            page = tx.executionsForJob(jobId, status, null, CANCEL_BATCH);
        }
    }
}
