package dev.fleetjobs.core.error;

/** Too much work of one kind at once; retry later (HTTP 400 on the control plane, 429 on the data plane). */
public final class ThrottlingException extends JobsServiceException {

    public ThrottlingException(String message) {
        super(message);
    }
}
