package dev.fleetjobs.store;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.rules.JobProgress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Queries. Paged queries take an opaque cursor (null for the first page) made by the store; a
 * cursor it did not make is refused with {@code InvalidRequestException}. Pages stay correct
 * while rows are inserted concurrently: a row is never returned twice.
 */
public interface StoreReader {

    Optional<Thing> findThing(String thingName);

    /** Things ordered by name. */
    Page<Thing> things(String cursor, int limit);

    Optional<Job> findJob(String jobId);

    /** The execution with that number, or the latest one of the job on the thing when the number is empty. */
    Optional<JobExecution> findExecution(String jobId, String thingName, OptionalLong executionNumber);

    /**
     * The thing's pending executions in the order devices are offered them: all IN_PROGRESS before
     * all QUEUED, each group oldest-queued first, ties broken by creation order.
     */
    List<JobExecution> pendingExecutions(String thingName, int limit);

    /** A job's executions, optionally of one status, in creation order. */
    Page<JobExecution> executionsForJob(String jobId, ExecutionStatus statusOrNull, String cursor, int limit);

    /** A thing's executions, optionally of one status, in creation order. */
    Page<JobExecution> executionsForThing(String thingName, ExecutionStatus statusOrNull, String cursor, int limit);

    /** How many executions of the job are in each status. */
    JobProgress progress(String jobId);

    /**
     * The pending executions a device is offered, in {@link #pendingExecutions} order: every
     * IN_PROGRESS one, and the QUEUED ones whose job is not SCHEDULED.
     */
    List<OfferedExecution> offeredExecutions(String thingName, int limit);

    /** Every execution of the job on the thing, in execution-number order. */
    List<JobExecution> executionHistory(String jobId, String thingName);

    /** IN_PROGRESS executions whose timeout deadline is at or before {@code nowMillis}, earliest deadline first. */
    List<JobExecution> expiredExecutions(long nowMillis, int limit);

    Optional<RolloutState> findRollout(String jobId);

    /** Jobs whose rollout is due at or before {@code nowMillis}, earliest first. */
    List<String> dueRollouts(long nowMillis, int limit);

    /** The earliest timeout deadline or rollout due time, if any. */
    OptionalLong nextDueMillis();
    /** Whether any certificate is attached to the thing (AWS refuses to delete such a thing). */
    boolean hasPrincipals(String thingName);
}
