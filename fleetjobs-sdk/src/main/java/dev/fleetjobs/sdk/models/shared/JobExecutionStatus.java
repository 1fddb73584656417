package dev.fleetjobs.sdk.models.shared;

/**
 * The statuses of a job execution, as on the wire. A device may request IN_PROGRESS, SUCCEEDED,
 * FAILED and REJECTED; the others are set by the service.
 */
public enum JobExecutionStatus {
    QUEUED,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED,
    TIMED_OUT,
    REJECTED,
    REMOVED,
    CANCELED;

    public boolean isTerminal() {
        return this != QUEUED && this != IN_PROGRESS;
    }

    /** The status named {@code value} on the wire. */
    public static JobExecutionStatus fromWire(String value) {
        return valueOf(value);
    }
}
