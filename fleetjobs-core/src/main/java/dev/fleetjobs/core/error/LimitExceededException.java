package dev.fleetjobs.core.error;

/** A service limit would be passed (HTTP 410 on the control plane). */
public final class LimitExceededException extends JobsServiceException {

    public LimitExceededException(String message) {
        super(message);
    }
}
