package dev.fleetjobs.store;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.Thing;
import java.util.Optional;
import java.util.List;

/**
 * Reads and writes inside one transaction. Updates are checked against version numbers so that
 * a store shared by several nodes refuses a lost update with {@link StoreConflictException}.
 */
public interface StoreTransaction extends StoreReader {

    /** Inserts a new thing; fails with {@link StoreConflictException} when the name is taken. */
    void insertThing(Thing thing);

    /** Deletes the thing; its executions stay (they name it by thing name). Returns whether it existed. */
    boolean deleteThing(String thingName);

    /** Inserts a new job; fails with {@link StoreConflictException} when the id is taken. */
    void insertJob(Job job);

    /** Replaces the stored job of the same id. */
    void updateJob(Job job);

    /** Inserts a new execution; (jobId, thingName, executionNumber) must be new. */
    void insertExecution(JobExecution execution);

    /**
     * Replaces the stored execution with the same (jobId, thingName, executionNumber), whose
     * stored {@code versionNumber} must be exactly one less than {@code updated}'s.
     */
    void updateExecution(JobExecution updated);

    /** Deletes one execution. Returns whether it existed. */
    boolean deleteExecution(String jobId, String thingName, long executionNumber);

    /** The number the next execution of this job on this thing gets: one more than the highest so far, 1 for the first. */
    long nextExecutionNumber(String jobId, String thingName);

    /**
     * Attaches a value to this unit of work, one per type, for as long as the unit runs: whoever
     * submits the unit (a wrapper collecting device notifications, say) leaves state here for the
     * rules the unit calls.
     */
    <A> void attach(Class<A> type, A value);

    /** The value attached to this unit of work with {@link #attach}, if any. */
    <A> Optional<A> attachment(Class<A> type);
    /** Inserts the rollout state of a job and the things still to be offered it, in the order given. */
    void insertRollout(RolloutState state, List<String> targets);

    /** Replaces the stored rollout state of the same job. */
    void updateRollout(RolloutState state);

    /** Removes and returns the next {@code limit} things still to be offered the job, in order. */
    List<String> takeRolloutTargets(String jobId, int limit);

    /** Removes every thing still to be offered the job. */
    void clearRolloutTargets(String jobId);
}
