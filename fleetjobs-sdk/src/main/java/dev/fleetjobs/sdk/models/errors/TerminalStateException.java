package dev.fleetjobs.sdk.models.errors;

/** The job is in a terminal state and the asked execution cannot be served (HTTP 410). */
public final class TerminalStateException extends JobsServiceException {

    public TerminalStateException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "TerminalStateException", message, requestId, rawBody);
    }
}
