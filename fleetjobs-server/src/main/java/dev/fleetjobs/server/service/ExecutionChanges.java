package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.rules.JobCompletion;
import dev.fleetjobs.store.StoreTransaction;

/**
 * The one place through which every execution is created, changed or deleted, so that what
 * follows from such a change (a retry, an abort, a SNAPSHOT job completing; later, device
 * notifications) is never forgotten by one of the callers.
 */
final class ExecutionChanges {

    private ExecutionChanges() {
    }

    static void create(StoreTransaction tx, JobExecution execution) {
        tx.insertExecution(execution);
    }

    static JobExecution change(StoreTransaction tx, JobExecution updated, long nowMillis) {
        tx.updateExecution(updated);
        if (updated.status().isTerminal()) {
            ExecutionFollowUps.afterTerminal(tx, updated, nowMillis);
            completeJobIfDone(tx, updated.jobId(), nowMillis);
        }
        return updated;
    }

    /** The service ends an execution whose timer expired (spec 2.7). */
    static JobExecution timeOut(StoreTransaction tx, JobExecution expired, long nowMillis) {
        return change(tx, expired.withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, nowMillis), nowMillis);
    }

    static void delete(StoreTransaction tx, JobExecution execution, long nowMillis) {
        tx.deleteExecution(execution.jobId(), execution.thingName(), execution.executionNumber());
        completeJobIfDone(tx, execution.jobId(), nowMillis);
    }

    static void completeJobIfDone(StoreTransaction tx, String jobId, long nowMillis) {
        tx.findJob(jobId).ifPresent(job -> {
            if (JobCompletion.shouldComplete(job, tx.progress(jobId), JobRollouts.isReleasing(tx, jobId))) {
                tx.updateJob(job.withStatus(JobStatus.COMPLETED, nowMillis));
            }
        });
    }

    static Job requireJob(StoreTransaction tx, String jobId) {
        return tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
    }
}
