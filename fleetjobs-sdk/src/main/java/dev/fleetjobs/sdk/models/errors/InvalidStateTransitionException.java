package dev.fleetjobs.sdk.models.errors;

import dev.fleetjobs.protocol.dataplane.JobExecutionState;

/** The update is not allowed from the execution's current status, e.g. anything after a terminal one (HTTP 409). */
public final class InvalidStateTransitionException extends ExecutionStateException {

    public InvalidStateTransitionException(int statusCode, String message, String requestId, String rawBody,
                                           JobExecutionState executionState) {
        super(statusCode, "InvalidStateTransitionException", message, requestId, rawBody, executionState);
    }
}
