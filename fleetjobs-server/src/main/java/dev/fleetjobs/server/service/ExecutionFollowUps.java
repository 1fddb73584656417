package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.rules.AbortDecision;
import dev.fleetjobs.core.rules.AbortRule;
import dev.fleetjobs.core.rules.RetryRule;
import dev.fleetjobs.store.StoreTransaction;
import java.util.Optional;

/** What a job's retry and abort configuration make of an execution that just ended (spec 2.8, 2.9). */
final class ExecutionFollowUps {

    private ExecutionFollowUps() {
    }

    static void afterTerminal(StoreTransaction tx, JobExecution ended, long nowMillis) {
        Optional<Job> found = tx.findJob(ended.jobId());
        if (found.isEmpty() || !isRunning(found.get())) {
            return;
        }
        Job job = found.get();
        JobRunConfig config = job.runConfig();
        if (!config.retryCriteria().isEmpty()
                && RetryRule.shouldRetry(config.retryCriteria(), ended, tx.executionHistory(ended.jobId(), ended.thingName()))) {
            long number = tx.nextExecutionNumber(ended.jobId(), ended.thingName());
            ExecutionChanges.create(tx, JobExecution.retryOf(ended, number, nowMillis));
        }
        if (!abortIfCriteriaMet(tx, job, nowMillis)) {
            CanaryGates.afterTerminal(tx, job, ended, nowMillis);
        }
    }

    /**
     * Cancels the job when one of its abort criteria is met: QUEUED executions (queued retries
     * among them) are canceled and nothing more is offered; IN_PROGRESS ones run on.
     *
     * @return whether the job was aborted
     */
    static boolean abortIfCriteriaMet(StoreTransaction tx, Job job, long nowMillis) {
        if (job.runConfig().abortCriteria().isEmpty() || !isRunning(job)) {
            return false;
        }
        tx.lockJob(job.jobId());
        long executed = tx.findRollout(job.jobId()).map(RolloutState::notified).orElse(0L);
        Optional<AbortDecision> decision = AbortRule.evaluate(job.runConfig().abortCriteria(), tx.progress(job.jobId()), executed);
        decision.ifPresent(d -> JobCancellation.cancel(tx, job, false, d.reasonCode(), d.comment(), nowMillis));
        return decision.isPresent();
    }

    static boolean isRunning(Job job) {
        return job.status() == JobStatus.IN_PROGRESS || job.status() == JobStatus.SCHEDULED;
    }
}
