package dev.fleetjobs.core.error;

/** Malformed or invalid input (HTTP 400). */
public final class InvalidRequestException extends JobsServiceException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
