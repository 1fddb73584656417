package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.TerminalStateException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.StepTimerChange;
import dev.fleetjobs.core.rules.ExecutionTransitions;
import dev.fleetjobs.core.rules.Timeouts;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The four device operations (spec sections 1 and 2). Input is validated here, so every edge
 * (HTTP now, MQTT later) shares the same rules.
 */
public final class DataPlaneService {

    /** The job id that names the thing's next pending execution. */
    public static final String NEXT = "$next";

    private final JobStore store;
    private final Clock clock;
    private final Runnable deadlineWritten;

    public DataPlaneService(JobStore store, Clock clock) {
        this(store, clock, () -> { });
    }

    /** @param deadlineWritten called after a write that set an execution's timeout deadline has committed */
    public DataPlaneService(JobStore store, Clock clock, Runnable deadlineWritten) {
        this.store = store;
        this.clock = clock;
        this.deadlineWritten = deadlineWritten;
    }

    public CompletableFuture<PendingExecutions> getPending(String thingName) {
        Validator.thingName("thingName", thingName);
        return store.read(reader -> {
            requireThing(reader, thingName);
            List<JobExecution> pending = OfferedExecutions.list(reader, thingName);
            return new PendingExecutions(
                    pending.stream().filter(e -> e.status() == ExecutionStatus.IN_PROGRESS).toList(),
                    pending.stream().filter(e -> e.status() == ExecutionStatus.QUEUED).toList());
        });
    }

    public CompletableFuture<Optional<ExecutionView>> describe(String thingName, String jobId, OptionalLong executionNumber,
                                                               boolean includeJobDocument) {
        Validator.thingName("thingName", thingName);
        if (!NEXT.equals(jobId)) {
            Validator.name("jobId", jobId, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
        }
        return store.read(reader -> {
            requireThing(reader, thingName);
            Optional<JobExecution> execution = NEXT.equals(jobId)
                    ? OfferedExecutions.head(reader, thingName)
                    : Optional.of(findForDescribe(reader, thingName, jobId, executionNumber));
            return execution.map(e -> view(reader, e, includeJobDocument, clock.millis()));
        });
    }

    public CompletableFuture<Optional<ExecutionView>> startNext(String thingName, Map<String, String> statusDetails,
                                                                Long stepTimeoutInMinutes) {
        Validator.thingName("thingName", thingName);
        Validator.statusDetails("statusDetails", statusDetails);
        Validator.timeoutMinutes("stepTimeoutInMinutes", stepTimeoutInMinutes, false);
        CompletableFuture<Optional<ExecutionView>> started = store.write(tx -> {
            // A device's requests are served one after another, also when they reach different nodes.
            tx.lockThing(thingName);
            requireThing(tx, thingName);
            return OfferedExecutions.head(tx, thingName).map(execution -> {
                long now = clock.millis();
                JobExecution current = execution;
                if (execution.status() == ExecutionStatus.QUEUED) {
                    current = ExecutionChanges.change(tx, execution.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, statusDetails,
                            StepTimerChange.of(stepTimeoutInMinutes), inProgressTimeout(tx, execution), now), now);
                }
                return view(tx, current, true, now);
            });
        });
        return started.whenComplete((view, failure) -> {
            if (view != null && view.isPresent()) {
                signalDeadline(view.get().execution());
            }
        });
    }

    public CompletableFuture<UpdateExecutionResult> update(UpdateExecutionCommand command) {
        Validator.thingName("thingName", command.thingName());
        Validator.jobId("jobId", command.jobId());
        Validator.required("status", command.status());
        Validator.statusDetails("statusDetails", command.statusDetails());
        Validator.timeoutMinutes("stepTimeoutInMinutes", command.stepTimeoutInMinutes(), true);
        return store.write(tx -> applyUpdate(tx, command)).whenComplete((result, failure) -> {
            if (result != null) {
                signalDeadline(result.execution());
            }
        });
    }

    private UpdateExecutionResult applyUpdate(StoreTransaction tx, UpdateExecutionCommand command) {
        tx.lockThing(command.thingName());
        requireThing(tx, command.thingName());
        JobExecution current = tx.findExecution(command.jobId(), command.thingName(), optional(command.executionNumber()))
                .orElseThrow(() -> NotFound.execution(command.jobId(), command.thingName()));
        boolean versionMatches = command.expectedVersion() == null || command.expectedVersion() == current.versionNumber();
        switch (ExecutionTransitions.decide(current.status(), command.status(), versionMatches)) {
            case REFUSE_NOT_DEVICE_SETTABLE -> throw new InvalidRequestException(
                    "Status " + command.status() + " can only be set by the service; a device may set IN_PROGRESS, SUCCEEDED, FAILED or REJECTED.");
            case REFUSE_VERSION_MISMATCH -> throw new VersionConflictException(
                    "The expected version " + command.expectedVersion() + " does not match the current version "
                            + current.versionNumber() + " of the job execution.", current);
            case REFUSE_INVALID_TRANSITION -> throw new InvalidStateTransitionException(
                    "The job execution is in the terminal status " + current.status() + " and cannot be changed to "
                            + command.status() + ".", current);
            case APPLY -> {
                // applied below
            }
        }
        long now = clock.millis();
        JobExecution updated = ExecutionChanges.change(tx, current.withDeviceUpdate(command.status(), command.statusDetails(),
                StepTimerChange.of(command.stepTimeoutInMinutes()), inProgressTimeout(tx, current), now), now);
        Job job = command.includeJobDocument() ? ExecutionChanges.requireJob(tx, updated.jobId()) : null;
        return new UpdateExecutionResult(command.includeJobExecutionState() ? updated : null, job == null ? null : job.document(),
                updated, job == null ? null : job.runConfig().presignedUrlConfig());
    }

    /** The in-progress timeout the execution's job gives it if this update starts it (only the first start sets the timer). */
    private static Long inProgressTimeout(StoreReader reader, JobExecution execution) {
        if (execution.startedAtMillis() != null) {
            return null;
        }
        return reader.findJob(execution.jobId()).map(Job::inProgressTimeoutMinutes).orElse(null);
    }

    private void signalDeadline(JobExecution execution) {
        if (execution.timeoutDeadlineMillis() != null) {
            deadlineWritten.run();
        }
    }

    /**
     * The execution a describe names. Terminal executions are answered normally; 410 is kept for
     * a finished job that has no such execution to show (spec 2.6 recommendation).
     */
    private static JobExecution findForDescribe(StoreReader reader, String thingName, String jobId, OptionalLong executionNumber) {
        Optional<JobExecution> execution = reader.findExecution(jobId, thingName, executionNumber);
        if (execution.isPresent()) {
            return execution.get();
        }
        Optional<Job> job = reader.findJob(jobId);
        if (job.isPresent() && (job.get().isFinished() || job.get().status() == JobStatus.DELETION_IN_PROGRESS)) {
            throw new TerminalStateException("Job " + jobId + " is in the terminal state " + job.get().status() + ".");
        }
        throw NotFound.execution(jobId, thingName);
    }

    private static ExecutionView view(StoreReader reader, JobExecution execution, boolean includeJobDocument, long nowMillis) {
        Job job = includeJobDocument ? reader.findJob(execution.jobId()).orElse(null) : null;
        return new ExecutionView(execution, job == null ? null : job.document(), Timeouts.secondsBeforeTimedOut(execution, nowMillis),
                job == null ? null : job.runConfig().presignedUrlConfig());
    }

    private static void requireThing(StoreReader reader, String thingName) {
        if (reader.findThing(thingName).isEmpty()) {
            throw NotFound.thing(thingName);
        }
    }

    private static OptionalLong optional(Long value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
