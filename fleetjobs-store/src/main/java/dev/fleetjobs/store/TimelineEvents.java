package dev.fleetjobs.store;

import dev.fleetjobs.core.model.ExecutionStatus;

/**
 * How many executions of a job entered a state within one time bucket: the raw material of a
 * job's progress over time, counted by the database so that no execution is read one by one.
 *
 * @param bucket      {@code (time - from) / step}, rounded down
 * @param endStatus   for the two ended kinds, the terminal status reached; null otherwise
 */
public record TimelineEvents(Kind kind, ExecutionStatus endStatus, long bucket, long count) {

    /** What happened to the executions counted. */
    public enum Kind {
        /** Queued (every execution is, at its {@code queuedAt}). */
        QUEUED,
        /** Started: became IN_PROGRESS. */
        STARTED,
        /** Reached a terminal status without having started. */
        ENDED_QUEUED,
        /** Reached a terminal status after having started. */
        ENDED_STARTED
    }
}
