package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.rules.Timeouts;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** Operator operations on single executions (spec 2.9 and 4.3). */
public final class ExecutionAdminService {

    private final JobStore store;
    private final Clock clock;

    public ExecutionAdminService(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The execution, without its document, with the time left before it times out. */
    public CompletableFuture<ExecutionView> describe(String thingName, String jobId, OptionalLong executionNumber) {
        Validator.thingName("thingName", thingName);
        Validator.jobId("jobId", jobId);
        return store.read(reader -> reader.findExecution(jobId, thingName, executionNumber)
                .map(e -> new ExecutionView(e, null, Timeouts.secondsBeforeTimedOut(e, clock.millis())))
                .orElseThrow(() -> NotFound.execution(jobId, thingName)));
    }

    /** @param jobId  only the executions of this job; null for every job */
    public CompletableFuture<Page<JobExecution>> listForThing(String thingName, ExecutionStatus status, String jobId, String cursor,
                                                             int maxResults) {
        Validator.thingName("thingName", thingName);
        if (jobId != null) {
            Validator.jobId("jobId", jobId);
        }
        return store.read(reader -> reader.executionsForThing(thingName, status, jobId, cursor, maxResults));
    }

    /**
     * Cancels the latest execution of the job on the thing: QUEUED always, IN_PROGRESS only with
     * {@code force}, a terminal one never.
     */
    public CompletableFuture<JobExecution> cancel(String thingName, String jobId, boolean force, Long expectedVersion,
                                                  Map<String, String> statusDetails) {
        Validator.thingName("thingName", thingName);
        Validator.jobId("jobId", jobId);
        Validator.statusDetails("statusDetails", statusDetails);
        return store.write(tx -> {
            JobExecution current = tx.findExecution(jobId, thingName, OptionalLong.empty())
                    .orElseThrow(() -> NotFound.execution(jobId, thingName));
            if (expectedVersion != null && expectedVersion != current.versionNumber()) {
                throw new VersionConflictException("The expected version " + expectedVersion
                        + " does not match the current version " + current.versionNumber() + " of the job execution.", current);
            }
            if (current.status().isTerminal()) {
                throw new InvalidStateTransitionException("The job execution is already " + current.status() + ".", current);
            }
            if (current.status() == ExecutionStatus.IN_PROGRESS && !force) {
                throw new InvalidStateTransitionException(
                        "The job execution is IN_PROGRESS; cancel it with force=true to cancel it anyway.", current);
            }
            long now = clock.millis();
            return ExecutionChanges.change(tx, current.withServiceStatus(ExecutionStatus.CANCELED,
                    current.status() == ExecutionStatus.IN_PROGRESS, statusDetails, now), now);
        });
    }

    /** Deletes one execution: QUEUED or terminal ones freely, IN_PROGRESS ones only with {@code force}. */
    public CompletableFuture<Void> delete(String thingName, String jobId, long executionNumber, boolean force) {
        Validator.thingName("thingName", thingName);
        Validator.jobId("jobId", jobId);
        return store.write(tx -> {
            JobExecution current = tx.findExecution(jobId, thingName, OptionalLong.of(executionNumber))
                    .orElseThrow(() -> NotFound.execution(jobId, thingName));
            if (current.status() == ExecutionStatus.IN_PROGRESS && !force) {
                throw new InvalidStateTransitionException(
                        "The job execution is IN_PROGRESS; delete it with force=true to delete it anyway.", current);
            }
            ExecutionChanges.delete(tx, current, clock.millis());
            return null;
        });
    }
}
