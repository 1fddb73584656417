package dev.fleetjobs.sdk.models.errors;

/** A transient failure of the service; retried automatically before it reaches you (HTTP 503). */
public final class ServiceUnavailableException extends JobsServiceException {

    public ServiceUnavailableException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "ServiceUnavailableException", message, requestId, rawBody);
    }
}
