package dev.fleetjobs.core.model;

/** What happens at a scheduled job's {@code endTime} (spec 4.4). */
public enum EndBehavior {
    /** No further executions are created; those already created run on. */
    STOP_ROLLOUT,
    /** The job is canceled: QUEUED executions are canceled, IN_PROGRESS ones run on. */
    CANCEL,
    /** The job is canceled with force: IN_PROGRESS executions are canceled too. */
    FORCE_CANCEL
}
