package dev.fleetjobs.core.rules;

/** The outcome of a device's request to change an execution's status. */
public enum UpdateDecision {
    /** The change is applied. */
    APPLY,
    /** The status may only be set by the service: 400 InvalidRequestException. */
    REFUSE_NOT_DEVICE_SETTABLE,
    /** {@code expectedVersion} differs from the stored version: 409 VersionConflictException. */
    REFUSE_VERSION_MISMATCH,
    /** The current status does not allow the change: 409 InvalidStateTransitionException. */
    REFUSE_INVALID_TRANSITION
}
