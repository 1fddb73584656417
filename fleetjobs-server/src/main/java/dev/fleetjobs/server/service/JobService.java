package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.rules.JobSchedule;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.RunConfigValidator;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** Jobs as operators see them: create, describe, read the document, cancel, list executions (spec 4.3). */
public final class JobService {

    /** {@code scheduledJobRollouts} lists this many upcoming maintenance windows. */
    private static final int SCHEDULED_ROLLOUTS_SHOWN = 7;

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;
    private final Runnable rolloutScheduled;

    public JobService(JobStore store, Clock clock, Arns arns) {
        this(store, clock, arns, () -> { });
    }

    /** @param rolloutScheduled called after a job whose rollout or schedule runs over time has been committed */
    public JobService(JobStore store, Clock clock, Arns arns, Runnable rolloutScheduled) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
        this.rolloutScheduled = rolloutScheduled;
    }

    /**
     * Creates the job and, in the same transaction, one QUEUED execution per distinct target
     * thing, or, with a rollout rate or a schedule, those the rollout offers now (the others
     * wait in the store for their turn).
     */
    public CompletableFuture<Job> create(CreateJobCommand command) {
        Validator.jobId("jobId", command.jobId());
        List<String> thingNames = targetThings(command.targets());
        String document = JobDocuments.validate(command.document());
        Validator.optionalText("description", command.description(), Constraints.DESCRIPTION_MAX);
        Validator.timeoutMinutes("timeoutConfig.inProgressTimeoutInMinutes", command.inProgressTimeoutMinutes(), false);
        TargetSelection selection = command.targetSelection() == null ? TargetSelection.SNAPSHOT : command.targetSelection();
        if (selection != TargetSelection.SNAPSHOT) {
            throw Validator.invalid("targetSelection", selection.name(), "Only SNAPSHOT jobs are supported by this Fleetjobs version yet");
        }
        RunConfigValidator.validate(command.runConfig(), clock.millis());
        CompletableFuture<Job> created = store.write(tx -> {
            if (tx.findJob(command.jobId()).isPresent()) {
                throw new ResourceAlreadyExistsException("Job " + command.jobId() + " already exists.", command.jobId(),
                        arns.job(command.jobId()));
            }
            for (String thingName : thingNames) {
                if (tx.findThing(thingName).isEmpty()) {
                    throw new ResourceNotFoundException("Target thing " + thingName + " cannot be found.");
                }
            }
            long now = clock.millis();
            Job job = new Job(command.jobId(), selection, JobRollouts.initialStatus(command.runConfig(), now), document,
                    command.description(), command.targets(), command.inProgressTimeoutMinutes(), false, null, null, now, now, null,
                    command.runConfig());
            tx.insertJob(job);
            JobRollouts.begin(tx, job, thingNames, now);
            return tx.findJob(job.jobId()).orElse(job);
        });
        return created.whenComplete((job, failure) -> {
            if (job != null && job.runConfig().offersOverTime()) {
                rolloutScheduled.run();
            }
        });
    }

    public CompletableFuture<JobDetails> describe(String jobId) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> {
            Job job = reader.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            boolean releasing = JobRollouts.isReleasing(reader, jobId);
            List<Long> windows = job.runConfig().hasMaintenanceWindows() && !job.isFinished()
                    ? new JobSchedule(job.runConfig().schedule()).upcomingWindowStarts(clock.millis(), SCHEDULED_ROLLOUTS_SHOWN)
                    : List.of();
            return new JobDetails(job, reader.progress(jobId), job.status() == JobStatus.IN_PROGRESS && releasing, windows);
        });
    }

    public CompletableFuture<String> document(String jobId) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> reader.findJob(jobId).map(Job::document).orElseThrow(() -> NotFound.job(jobId)));
    }

    public CompletableFuture<Page<JobExecution>> executions(String jobId, ExecutionStatus status, String cursor, int maxResults) {
        Validator.jobId("jobId", jobId);
        return store.read(reader -> {
            reader.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
            return reader.executionsForJob(jobId, status, cursor, maxResults);
        });
    }

    /**
     * Cancels the job: QUEUED executions become CANCELED, IN_PROGRESS ones only with
     * {@code force} (spec 2.9). A job that already ended cannot be canceled (spec UNCONFIRMED 13:
     * InvalidRequest).
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
            return JobCancellation.cancel(tx, job, force, reasonCode, comment, clock.millis());
        });
    }

    private List<String> targetThings(List<String> targets) {
        Validator.required("targets", targets);
        if (targets.isEmpty()) {
            throw Validator.invalid("targets", "[]", "Member must have length greater than or equal to 1");
        }
        if (targets.size() > Constraints.TARGETS_MAX) {
            throw Validator.invalid("targets", null, "Member must have length less than or equal to " + Constraints.TARGETS_MAX);
        }
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            String field = "targets." + (i + 1) + ".member";
            String arn = Validator.required(field, targets.get(i));
            Validator.length(field, arn, 1, Constraints.TARGET_ARN_MAX);
            names.add(arns.thingNameOfTarget(field, arn));
        }
        return new ArrayList<>(names);
    }
}
