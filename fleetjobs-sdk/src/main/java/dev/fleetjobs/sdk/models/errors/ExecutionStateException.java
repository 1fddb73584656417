package dev.fleetjobs.sdk.models.errors;

import dev.fleetjobs.protocol.dataplane.JobExecutionState;
import java.util.Optional;

/** A refused update whose answer carries the execution's current state. */
public abstract class ExecutionStateException extends JobsServiceException {

    private final JobExecutionState executionState;

    protected ExecutionStateException(int statusCode, String errorType, String message, String requestId, String rawBody,
                                      JobExecutionState executionState) {
        super(statusCode, errorType, message, requestId, rawBody);
        this.executionState = executionState;
    }

    /** The execution's state when the update was refused, when the service sent it. */
    public Optional<JobExecutionState> executionState() {
        return Optional.ofNullable(executionState);
    }
}
