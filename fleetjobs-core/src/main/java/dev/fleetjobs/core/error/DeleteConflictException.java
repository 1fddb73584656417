package dev.fleetjobs.core.error;

/** The resource cannot be deleted in its current state (HTTP 409). */
public final class DeleteConflictException extends JobsServiceException {

    public DeleteConflictException(String message) {
        super(message);
    }
}
