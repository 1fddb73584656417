package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Fleetjobs' own operations for safe rollouts, beyond AWS IoT Jobs: a dry run of CreateJob, pause
 * and resume, and rollback jobs. (Canary stages are part of a job's run configuration and run in
 * its rollout.) AWS clients keep working on the same jobs: nothing here changes an AWS member.
 */
public final class SafeRolloutService {

    private final JobStore store;
    private final Clock clock;
    private final JobWorker worker;
    private final Runnable rolloutScheduled;
    private final JobDryRun dryRun;
    private final RollbackJobs rollbacks;

    /** @param rolloutScheduled called after a commit that may have made a rollout step due (a resume, a rollback job) */
    public SafeRolloutService(JobStore store, Clock clock, Arns arns, JobWorker worker, JobService jobs, Runnable rolloutScheduled) {
        this.store = store;
        this.clock = clock;
        this.worker = worker;
        this.rolloutScheduled = rolloutScheduled;
        this.dryRun = new JobDryRun(jobs.planner());
        this.rollbacks = new RollbackJobs(jobs.planner(), arns);
    }

    /**
     * Everything CreateJob would do with the request, without doing it: only reads.
     *
     * @param readProblems  refusals met while reading the request (a member of the wrong JSON type)
     * @param unreadable    the members those refusals were about
     */
    public CompletableFuture<JobPlan> dryRun(CreateJobCommand command, List<JobsServiceException> readProblems, Set<String> unreadable) {
        long now = clock.millis();
        return store.read(reader -> dryRun.plan(reader, command, readProblems, unreadable, now));
    }

    /**
     * Pauses a running job (IN_PROGRESS or SCHEDULED); pausing a paused job changes nothing and
     * keeps its first reason.
     */
    public CompletableFuture<JobDetails> pause(String jobId, String reason) {
        Validator.jobId("jobId", jobId);
        Validator.optionalText("reason", reason, Constraints.DESCRIPTION_MAX);
        return store.write(tx -> {
            Job job = running(tx, jobId, "paused");
            long now = clock.millis();
            JobPauses.pause(tx, job, reason == null || reason.isEmpty() ? null : reason, PauseCause.OPERATOR, now);
            return JobService.details(tx, tx.findJob(jobId).orElseThrow(), now);
        });
    }

    /** Resumes a paused job; a job that is not paused is refused. */
    public CompletableFuture<JobDetails> resume(String jobId) {
        Validator.jobId("jobId", jobId);
        return store.write(tx -> {
            Job job = running(tx, jobId, "resumed");
            JobPause pause = tx.findJobPause(jobId).orElseThrow(() -> new InvalidRequestException("Job " + jobId + " is not paused."));
            long now = clock.millis();
            JobPauses.resume(tx, job, pause, now);
            return JobService.details(tx, tx.findJob(jobId).orElseThrow(), now);
        }).whenComplete((details, failure) -> rolloutScheduled.run());
    }

    /**
     * Creates a rollback job of {@code command.originalJobId()}: it targets exactly the things
     * whose latest execution of the original has one of the statuses, and the original is
     * canceled first when asked and still running. Both happen in one transaction.
     */
    public CompletableFuture<RollbackResult> rollback(RollbackCommand command) {
        JobPlanner.Checked checked = rollbacks.check(command, clock.millis());
        return store.write(tx -> {
            RollbackResult created = rollbacks.create(tx, command, checked, clock.millis());
            return new WithWork<>(created, !tx.jobWork(command.originalJobId()).isEmpty());
        }).thenApply(worker::wakeFor).whenComplete((created, failure) -> {
            if (created != null) {
                rolloutScheduled.run();
            }
        });
    }

    private static Job running(StoreTransaction tx, String jobId, String what) {
        Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
        if (!ExecutionFollowUps.isRunning(job)) {
            throw new InvalidRequestException("Job " + jobId + " is " + job.status() + " and cannot be " + what + ".");
        }
        return job;
    }
}
