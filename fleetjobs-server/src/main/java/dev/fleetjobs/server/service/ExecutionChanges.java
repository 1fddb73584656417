package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.rules.JobCompletion;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;

/**
 * The one place through which every execution is created, changed or deleted, so that what
 * follows from such a change (a SNAPSHOT job completing; later, device notifications) is never
 * forgotten by one of the callers: requests, background rollouts, cancels and deletes, and
 * continuous jobs following group membership all come through here.
 */
final class ExecutionChanges {

    private ExecutionChanges() {
    }

    static void create(StoreTransaction tx, JobExecution execution) {
        tx.insertExecution(execution);
    }

    /** New executions at once, as a rollout batch creates them. */
    static void createAll(StoreTransaction tx, List<JobExecution> executions) {
        tx.insertExecutions(executions);
    }

    static JobExecution change(StoreTransaction tx, JobExecution updated, long nowMillis) {
        tx.updateExecution(updated);
        if (updated.status().isTerminal()) {
            completeJobIfDone(tx, updated.jobId(), nowMillis);
        }
        return updated;
    }

    static void delete(StoreTransaction tx, JobExecution execution, long nowMillis) {
        tx.deleteExecution(execution.jobId(), execution.thingName(), execution.executionNumber());
        completeJobIfDone(tx, execution.jobId(), nowMillis);
    }

    /** Also called when a rollout reaches its last target, which may leave nothing pending. */
    static void completeJobIfDone(StoreTransaction tx, String jobId, long nowMillis) {
        tx.findJob(jobId).ifPresent(job -> {
            boolean rolloutPending = tx.jobWork(jobId).stream().anyMatch(work -> work.kind() == JobWork.Kind.ROLLOUT);
            if (JobCompletion.shouldComplete(job, tx.progress(jobId), rolloutPending)) {
                tx.updateJob(job.withStatus(JobStatus.COMPLETED, nowMillis));
            }
        });
    }

    static Job requireJob(StoreTransaction tx, String jobId) {
        return tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
    }
}
