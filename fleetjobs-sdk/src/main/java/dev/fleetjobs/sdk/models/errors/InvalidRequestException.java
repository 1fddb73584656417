package dev.fleetjobs.sdk.models.errors;

/** The request was not valid: a missing or malformed field, or a status a device may not set (HTTP 400). */
public final class InvalidRequestException extends JobsServiceException {

    public InvalidRequestException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "InvalidRequestException", message, requestId, rawBody);
    }
}
