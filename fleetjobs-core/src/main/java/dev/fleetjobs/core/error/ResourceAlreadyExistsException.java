package dev.fleetjobs.core.error;

/** A resource of that name exists with a different configuration (HTTP 409). */
public final class ResourceAlreadyExistsException extends JobsServiceException {

    private final String resourceId;
    private final String resourceArn;

    public ResourceAlreadyExistsException(String message, String resourceId, String resourceArn) {
        super(message);
        this.resourceId = resourceId;
        this.resourceArn = resourceArn;
    }

    public String resourceId() {
        return resourceId;
    }

    public String resourceArn() {
        return resourceArn;
    }
}
