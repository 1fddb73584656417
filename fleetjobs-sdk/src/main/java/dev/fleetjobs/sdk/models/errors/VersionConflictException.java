package dev.fleetjobs.sdk.models.errors;

import dev.fleetjobs.protocol.dataplane.JobExecutionState;

/**
 * {@code expectedVersion} did not match the execution's version (HTTP 409). Not in the data-plane
 * model: Fleetjobs answers it, with the current state, where AWS behaviour is unconfirmed.
 */
public final class VersionConflictException extends ExecutionStateException {

    public VersionConflictException(int statusCode, String message, String requestId, String rawBody,
                                    JobExecutionState executionState) {
        super(statusCode, "VersionConflictException", message, requestId, rawBody, executionState);
    }
}
