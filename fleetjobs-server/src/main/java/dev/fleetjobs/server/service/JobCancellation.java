package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;

/**
 * Canceling a job, however it is asked for (CancelJob, abort criteria, a schedule's end): the job
 * becomes CANCELED, its rollout and the expansion of its group targets stop, QUEUED executions are
 * canceled and IN_PROGRESS ones only with {@code force} (spec 2.9). The executions are reached by
 * a CANCEL work row, in batches: CancelJob does one batch before it answers and leaves the rest to
 * the {@link JobWorker}; abort and the schedule's end cancel them all at once.
 */
final class JobCancellation {

    /** The most executions one read takes. */
    private static final int PAGE = 500;

    private JobCancellation() {
    }

    /** Cancels the job and all its executions now. */
    static Job cancel(StoreTransaction tx, Job job, boolean force, String reasonCode, String comment, long nowMillis) {
        return cancel(tx, job, force, reasonCode, comment, nowMillis, Integer.MAX_VALUE);
    }

    /** Cancels the job and at most {@code budget} of its executions now; the others are left to the background work. */
    static Job cancel(StoreTransaction tx, Job job, boolean force, String reasonCode, String comment, long nowMillis, int budget) {
        tx.lockJob(job.jobId());
        Job canceled = job.canceled(force, reasonCode, comment, nowMillis);
        ExecutionChanges.jobEnded(tx, canceled, "cancellation_in_progress");
        JobRollouts.stop(tx, job.jobId());
        // A cancel supersedes whatever the job was doing in the background.
        tx.jobWork(job.jobId()).forEach(old -> tx.deleteJobWork(old.seq()));
        JobWork work = tx.insertJobWork(JobWork.cancel(job.jobId(), force));
        cancelBatch(tx, work, budget, nowMillis);
        return canceled;
    }

    /**
     * Cancels at most {@code budget} pending executions of the canceled job; once none is left the
     * work is removed and the job's {@code canceled} event recorded.
     *
     * @return how many executions it canceled
     */
    static int cancelBatch(StoreTransaction tx, JobWork work, int budget, long nowMillis) {
        List<ExecutionStatus> phases = work.force()
                ? List.of(ExecutionStatus.QUEUED, ExecutionStatus.IN_PROGRESS)
                : List.of(ExecutionStatus.QUEUED);
        int done = 0;
        for (ExecutionStatus status : phases) {
            // Canceled rows leave the status filter, so each round reads the first page again.
            Page<JobExecution> page;
            do {
                if (done >= budget) {
                    tx.updateJobWork(work);
                    return done;
                }
                page = tx.executionsForJob(work.jobId(), status, null, Math.min(PAGE, budget - done));
                for (JobExecution execution : page.items()) {
                    boolean running = execution.status() == ExecutionStatus.IN_PROGRESS;
                    ExecutionChanges.change(tx, execution.withServiceStatus(ExecutionStatus.CANCELED, running, null, nowMillis),
                            nowMillis);
                }
                done += page.items().size();
            } while (page.nextCursor() != null);
        }
        tx.deleteJobWork(work.seq());
        tx.findJob(work.jobId()).ifPresent(job -> ExecutionChanges.jobEvent(tx, job, "canceled"));
        return done;
    }
}
