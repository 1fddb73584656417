package dev.fleetjobs.core.saferollout;

/** Who paused a job. */
public enum PauseCause {
    /** An operator (the pause route, {@code fleetjobs job pause}). */
    OPERATOR,
    /** A canary gate whose stage's success ratio was below its threshold. */
    CANARY_GATE
}
