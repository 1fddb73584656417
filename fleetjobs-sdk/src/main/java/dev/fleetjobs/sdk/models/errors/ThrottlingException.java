package dev.fleetjobs.sdk.models.errors;

/** Too many requests; retried automatically before it reaches you (HTTP 429). */
public final class ThrottlingException extends JobsServiceException {

    public ThrottlingException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "ThrottlingException", message, requestId, rawBody);
    }
}
