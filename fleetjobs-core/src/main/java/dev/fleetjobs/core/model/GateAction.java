package dev.fleetjobs.core.model;

/** What a canary gate does when its stage's success ratio is below the threshold. */
public enum GateAction {
    /** The job is paused: nothing more is released or offered until an operator resumes it. */
    PAUSE,
    /** The job is canceled like an abort: its queued executions are canceled, in-progress ones run on. */
    ABORT
}
