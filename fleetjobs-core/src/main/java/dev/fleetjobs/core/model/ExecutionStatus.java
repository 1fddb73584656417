package dev.fleetjobs.core.model;

/** The status of one job execution, spelled as on the wire (spec 2.1). */
public enum ExecutionStatus {
    QUEUED(false, false),
    IN_PROGRESS(false, true),
    SUCCEEDED(true, true),
    FAILED(true, true),
    TIMED_OUT(true, false),
    REJECTED(true, true),
    REMOVED(true, false),
    CANCELED(true, false);

    private final boolean terminal;
    private final boolean deviceSettable;

    ExecutionStatus(boolean terminal, boolean deviceSettable) {
        this.terminal = terminal;
        this.deviceSettable = deviceSettable;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** Pending executions are the ones a device is offered: QUEUED or IN_PROGRESS. */
    public boolean isPending() {
        return !terminal;
    }

    /** Only these may be requested by a device; the others are set by the service alone. */
    public boolean isDeviceSettable() {
        return deviceSettable;
    }
}
