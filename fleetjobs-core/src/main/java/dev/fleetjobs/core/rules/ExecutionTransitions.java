package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ExecutionStatus;

/**
 * The device transition table of spec 2.2, in one place.
 *
 * <p>Checks run in a fixed order (spec UNCONFIRMED 5): first whether a device may request the
 * status at all, then the version, then the transition. A stale version is reported before an
 * impossible transition so that a device that lost track of its execution learns its state.
 */
public final class ExecutionTransitions {

    private ExecutionTransitions() {
    }

    public static UpdateDecision decide(ExecutionStatus current, ExecutionStatus requested, boolean versionMatches) {
        if (!requested.isDeviceSettable()) {
            return UpdateDecision.REFUSE_NOT_DEVICE_SETTABLE;
        }
        if (!versionMatches) {
            return UpdateDecision.REFUSE_VERSION_MISMATCH;
        }
        if (!isAllowed(current, requested)) {
            return UpdateDecision.REFUSE_INVALID_TRANSITION;
        }
        return UpdateDecision.APPLY;
    }

    /**
     * Whether a device may move an execution from {@code current} to {@code requested}, both
     * statuses a device may set. QUEUED may go straight to a terminal status (spec UNCONFIRMED 4);
     * IN_PROGRESS may repeat; nothing leaves a terminal status, not even to the same status
     * (spec UNCONFIRMED 5).
     */
    static boolean isAllowed(ExecutionStatus current, ExecutionStatus requested) {
        return switch (current) {
            case QUEUED, IN_PROGRESS -> requested.isDeviceSettable();
            case SUCCEEDED, FAILED, TIMED_OUT, REJECTED, REMOVED, CANCELED -> false;
        };
    }
}
