package dev.fleetjobs.core.error;

/** The resource conflicts with one that exists (HTTP 409); {@code resourceId} names the existing one. */
public final class ConflictException extends JobsServiceException {

    private final String resourceId;

    public ConflictException(String message, String resourceId) {
        super(message);
        this.resourceId = resourceId;
    }

    public String resourceId() {
        return resourceId;
    }
}
