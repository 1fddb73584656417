package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.LimitExceededException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.JobTargets;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A job's life after creation: cancel, delete, and new targets for a continuous job. Cancel and
 * delete change the job at once, stop its rollout and the expansion of its groups, and reach its
 * executions in batches, the first before the answer and the rest in the background; meanwhile
 * the job is {@code isConcurrent}.
 */
public final class JobLifecycleService {

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;
    private final JobWorker worker;
    private final JobService jobs;

    public JobLifecycleService(JobStore store, Clock clock, Arns arns, JobWorker worker, JobService jobs) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
        this.worker = worker;
        this.jobs = jobs;
    }

    /**
     * Cancels the job: its rollout stops, QUEUED executions become CANCELED, IN_PROGRESS ones only
     * with {@code force} (spec 2.9). A job that already ended cannot be canceled (spec
     * UNCONFIRMED 13: InvalidRequest), nor one being deleted.
     */
    public CompletableFuture<Job> cancel(String jobId, boolean force, String reasonCode, String comment) {
        Validator.jobId("jobId", jobId);
        if (reasonCode != null) {
            Validator.length("reasonCode", reasonCode, 0, Constraints.REASON_CODE_MAX);
            Validator.pattern("reasonCode", reasonCode, Constraints.REASON_CODE);
        }
        Validator.optionalText("comment", comment, Constraints.DESCRIPTION_MAX);
        return store.write(tx -> {
            Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            if (job.status() != JobStatus.IN_PROGRESS && job.status() != JobStatus.SCHEDULED) {
                throw new InvalidRequestException("Job " + jobId + " is " + job.status() + " and cannot be canceled.");
            }
            Job canceled = JobCancellation.cancel(tx, job, force, reasonCode, comment, clock.millis(), worker.batchSize());
            return new WithWork<>(canceled, !tx.jobWork(jobId).isEmpty());
        }).thenApply(worker::wakeFor);
    }

    /**
     * Deletes the job: it shows DELETION_IN_PROGRESS until its executions are gone, then it is
     * gone and its id free again. Without {@code force} only a COMPLETED or CANCELED job may be
     * deleted; at most ten jobs may be deleting at once.
     */
    public CompletableFuture<Void> delete(String jobId, boolean force) {
        Validator.jobId("jobId", jobId);
        return store.write(tx -> {
            Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                throw new InvalidStateTransitionException("Job " + jobId + " is already being deleted.", null);
            }
            if (!job.isFinished() && !force) {
                throw new InvalidStateTransitionException("Job " + jobId + " is " + job.status()
                        + "; delete it with force=true to delete it anyway, or cancel it first.", null);
            }
            if (tx.countJobs(JobStatus.DELETION_IN_PROGRESS) >= Constraints.DELETING_JOBS_MAX) {
                throw new LimitExceededException("At most " + Constraints.DELETING_JOBS_MAX
                        + " jobs may be in DELETION_IN_PROGRESS at once; retry when one of them is gone.");
            }
            long now = clock.millis();
            tx.updateJob(job.withStatus(JobStatus.DELETION_IN_PROGRESS, now));
            JobRollouts.stop(tx, jobId);
            replaceWork(tx, jobId, JobWork.delete(jobId));
            return new WithWork<Void>(null, worker.steps().runInline(tx, jobId, worker.batchSize(), now));
        }).thenApply(worker::wakeFor);
    }

    /**
     * Adds targets to an IN_PROGRESS continuous job; their things get executions as on creation.
     * A job has at most 100 targets in all.
     */
    public CompletableFuture<Job> associateTargets(String jobId, List<String> targetArns, String comment) {
        Validator.jobId("jobId", jobId);
        jobs.targets("targets", targetArns);
        Validator.optionalText("comment", comment, Constraints.DESCRIPTION_MAX);
        return store.write(tx -> {
            Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            if (job.targetSelection() != TargetSelection.CONTINUOUS) {
                throw new InvalidRequestException("Job " + jobId + " is a SNAPSHOT job; targets can be added to CONTINUOUS jobs only.");
            }
            if (job.status() != JobStatus.IN_PROGRESS) {
                throw new InvalidRequestException("Job " + jobId + " is " + job.status()
                        + "; targets can be added to IN_PROGRESS jobs only.");
            }
            List<String> newArns = newTargetArns(job, targetArns);
            Set<ResourceArn> all = new HashSet<>(resources(job.targets()));
            all.addAll(resources(newArns));
            if (all.size() > Constraints.TARGETS_MAX) {
                throw new LimitExceededException("Job " + jobId + " would have " + all.size() + " targets; a job may have at most "
                        + Constraints.TARGETS_MAX + ".");
            }
            long now = clock.millis();
            List<String> targets = new ArrayList<>(job.targets());
            targets.addAll(newArns);
            Job updated = job.withTargets(targets, comment, now);
            tx.updateJob(updated);
            JobTargets added = arns.targets("targets", newArns);
            List<ThingGroup> groups = jobs.planner().requireTargets(tx, added);
            boolean workLeft = jobs.startRollout(tx, updated, added, groups, newArns, now);
            return new WithWork<>(updated, workLeft);
        }).thenApply(worker::wakeFor);
    }

    /** The given targets the job does not have yet, each once, as written. */
    private List<String> newTargetArns(Job job, List<String> given) {
        Set<ResourceArn> known = new HashSet<>(resources(job.targets()));
        Set<String> fresh = new LinkedHashSet<>();
        for (String arn : given) {
            if (known.add(arns.target("targets", arn))) {
                fresh.add(arn);
            }
        }
        return new ArrayList<>(fresh);
    }

    private List<ResourceArn> resources(List<String> targetArns) {
        return targetArns.stream().map(arn -> arns.target("targets", arn)).toList();
    }

    /** A delete supersedes whatever the job was doing in the background. */
    private static void replaceWork(StoreTransaction tx, String jobId, JobWork work) {
        tx.jobWork(jobId).forEach(old -> tx.deleteJobWork(old.seq()));
        tx.insertJobWork(work);
    }
}
