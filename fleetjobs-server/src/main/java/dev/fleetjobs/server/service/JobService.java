package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.JobSchedule;
import dev.fleetjobs.core.rules.JobTargets;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.core.validation.RunConfigValidator;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobQuery;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.JobTargetGroup;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Jobs as operators see them: create (from a document or a template, on things and groups),
 * describe, read the document, list, update, list executions (spec 4.3). Cancel, delete and new
 * targets are in {@link JobLifecycleService}.
 */
public final class JobService {

    /** {@code scheduledJobRollouts} lists this many upcoming maintenance windows. */
    private static final int SCHEDULED_ROLLOUTS_SHOWN = 7;

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;
    private final JobWorker worker;
    private final Runnable rolloutScheduled;
    private final JobPlanner planner;

    public JobService(JobStore store, Clock clock, Arns arns, JobWorker worker) {
        this(store, clock, arns, worker, () -> { });
    }

    /** @param rolloutScheduled called after a job whose rollout or schedule runs over time has been committed */
    public JobService(JobStore store, Clock clock, Arns arns, JobWorker worker, Runnable rolloutScheduled) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
        this.worker = worker;
        this.rolloutScheduled = rolloutScheduled;
        this.planner = new JobPlanner(arns);
    }

    /**
     * Creates the job in one transaction: thing targets are offered it at once, group targets
     * are expanded in batches, the first of them before this returns and the rest in the
     * background. A thing reached through several targets gets one execution. With a rollout
     * rate, a schedule or canary stages the things reached wait in the store for their turn instead.
     * The checks are {@link JobPlanner}'s, which the dry run shares.
     */
    public CompletableFuture<Job> create(CreateJobCommand command) {
        Problems problems = new Problems();
        JobPlanner.Checked checked = planner.check(command, Set.of(), clock.millis(), problems);
        problems.throwFirst();
        CompletableFuture<Job> created = store.write(tx -> {
            Problems found = new Problems();
            JobPlanner.Resolved resolved = planner.resolve(tx, checked, found);
            found.throwFirst();
            long now = clock.millis();
            Job job = planner.newJob(checked, resolved, now);
            tx.insertJob(job);
            tx.putTags(arns.job(job.jobId()), checked.tags());
            JobRollouts.begin(tx, job);
            boolean workLeft = startRollout(tx, job, checked.targets(), resolved.groups(), command.targets(), now);
            return new WithWork<>(tx.findJob(job.jobId()).orElseThrow(), workLeft);
        }).thenApply(worker::wakeFor);
        return created.whenComplete((job, failure) -> {
            if (job != null && job.runConfig().offersOverTime()) {
                rolloutScheduled.run();
            }
        });
    }

    /**
     * Offers the job to its thing targets now and queues an expansion of each group target, with
     * the membership as it is now, then runs as much of the job's work as one batch allows.
     *
     * @param groups  the target groups, found to exist
     * @return whether work was left for the background
     */
    boolean startRollout(StoreTransaction tx, Job job, JobTargets targets, List<ThingGroup> groups, List<String> targetArns, long now) {
        long cut = tx.lastMembershipSeq();
        for (ThingGroup group : groups) {
            tx.addJobTargetGroup(job.jobId(), new JobTargetGroup(group.groupName(), group.groupId()));
            tx.insertJobWork(JobWork.rollout(job.jobId(), targetArnOf(targetArns, group.groupName()), group.groupName(), cut));
        }
        JobRollouts.offer(tx, job, targets.thingNames(), now);
        return worker.steps().runInline(tx, job.jobId(), worker.batchSize(), now);
    }

    /** The group's target ARN as the caller wrote it, for {@code processingTargets}. */
    private String targetArnOf(List<String> targetArns, String groupName) {
        return targetArns.stream()
                .filter(arn -> arns.target("targets", arn).equals(new ResourceArn(ResourceArn.Type.THING_GROUP, groupName)))
                .findFirst().orElse(arns.thingGroup(groupName));
    }

    public CompletableFuture<JobDetails> describe(String jobId) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> details(reader, reader.findJob(jobId).orElseThrow(() -> NotFound.job(jobId)), clock.millis()));
    }

    /** @param beforeSubstitution  true for the document as written, its parameter placeholders in place */
    public CompletableFuture<String> document(String jobId, boolean beforeSubstitution) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> reader.findJob(jobId).map(job -> beforeSubstitution ? job.rawDocument() : job.document())
                .orElseThrow(() -> NotFound.job(jobId)));
    }

    public CompletableFuture<Page<JobListing>> list(JobQuery query, String cursor, int maxResults) {
        if (query.targetGroupName() != null) {
            Validator.thingName("thingGroupName", query.targetGroupName());
        }
        if (query.targetGroupId() != null) {
            Validator.name("thingGroupId", query.targetGroupId(), Constraints.GROUP_ID, Constraints.THING_NAME_MAX);
        }
        return store.read(reader -> {
            if (query.targetGroupName() != null && reader.findThingGroup(query.targetGroupName()).isEmpty()) {
                throw NotFound.thingGroup(query.targetGroupName());
            }
            Page<Job> page = reader.jobs(query, cursor, maxResults);
            List<JobListing> listings = page.items().stream().map(job -> new JobListing(job,
                    reader.jobTargetGroups(job.jobId()).stream().findFirst().map(JobTargetGroup::groupId).orElse(null),
                    !reader.jobWork(job.jobId()).isEmpty() || releasing(reader, job))).toList();
            return new Page<>(listings, page.nextCursor());
        });
    }

    public CompletableFuture<Void> update(String jobId, String description, Long inProgressTimeoutMinutes) {
        return update(jobId, description, inProgressTimeoutMinutes, null);
    }

    /**
     * Changes what UpdateJob may change here: the description, the in-progress timeout and the
     * presigned URL configuration (each kept when not given). A job being deleted cannot be updated.
     */
    public CompletableFuture<Void> update(String jobId, String description, Long inProgressTimeoutMinutes,
                                          PresignedUrlConfig presignedUrlConfig) {
        Validator.jobId("jobId", jobId);
        Validator.optionalText("description", description, Constraints.DESCRIPTION_MAX);
        Validator.timeoutMinutes("timeoutConfig.inProgressTimeoutInMinutes", inProgressTimeoutMinutes, false);
        RunConfigValidator.presignedUrls(presignedUrlConfig);
        return store.write(tx -> {
            Job job = tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                throw new InvalidRequestException("Job " + jobId + " is being deleted and cannot be updated.");
            }
            Job updated = job.updated(description != null ? description : job.description(),
                    inProgressTimeoutMinutes != null ? inProgressTimeoutMinutes : job.inProgressTimeoutMinutes(), clock.millis());
            if (presignedUrlConfig != null) {
                updated = updated.withRunConfig(updated.runConfig().withPresignedUrlConfig(presignedUrlConfig));
            }
            tx.updateJob(updated);
            return null;
        });
    }

    public CompletableFuture<Page<JobExecution>> executions(String jobId, ExecutionStatus status, String cursor, int maxResults) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> {
            reader.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            return reader.executionsForJob(jobId, status, cursor, maxResults);
        });
    }

    static JobDetails details(StoreReader reader, Job job, long nowMillis) {
        List<Long> windows = job.runConfig().hasMaintenanceWindows() && !job.isFinished()
                ? new JobSchedule(job.runConfig().schedule()).upcomingWindowStarts(nowMillis, SCHEDULED_ROLLOUTS_SHOWN)
                : List.of();
        return new JobDetails(job, reader.progress(job.jobId()), reader.jobWork(job.jobId()), releasing(reader, job), windows,
                SafeRolloutState.read(reader, job));
    }

    /** Whether the job is IN_PROGRESS and its rollout still has things to offer. */
    static boolean releasing(StoreReader reader, Job job) {
        return job.status() == JobStatus.IN_PROGRESS && JobRollouts.isReleasing(reader, job.jobId());
    }

    /** At least one and at most a hundred targets, each a thing or thing-group ARN. */
    JobTargets targets(String field, List<String> targetArns) {
        return planner.targets(field, targetArns);
    }

    JobPlanner planner() {
        return planner;
    }
}
