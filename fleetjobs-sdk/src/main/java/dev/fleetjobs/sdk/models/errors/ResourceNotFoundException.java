package dev.fleetjobs.sdk.models.errors;

/** No such thing, job or job execution (HTTP 404). */
public final class ResourceNotFoundException extends JobsServiceException {

    public ResourceNotFoundException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "ResourceNotFoundException", message, requestId, rawBody);
    }
}
