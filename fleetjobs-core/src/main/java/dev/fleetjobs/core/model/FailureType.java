package dev.fleetjobs.core.model;

/**
 * The execution outcomes an abort or retry criterion counts; {@code ALL} stands for every failed
 * outcome the criterion may name. Retry criteria never name {@code REJECTED} (spec 2.8).
 */
public enum FailureType {
    FAILED,
    REJECTED,
    TIMED_OUT,
    ALL;

    /** Whether an execution that ended in {@code status} counts as this kind of failure. */
    public boolean matches(ExecutionStatus status) {
        return switch (this) {
            case FAILED -> status == ExecutionStatus.FAILED;
            case REJECTED -> status == ExecutionStatus.REJECTED;
            case TIMED_OUT -> status == ExecutionStatus.TIMED_OUT;
            case ALL -> status == ExecutionStatus.FAILED || status == ExecutionStatus.REJECTED || status == ExecutionStatus.TIMED_OUT;
        };
    }
}
