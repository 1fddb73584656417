package dev.fleetjobs.core.error;

/** The named thing, job or execution does not exist (HTTP 404). */
public final class ResourceNotFoundException extends JobsServiceException {

    public ResourceNotFoundException(String message) {
        super(message);
    }
}
