package dev.fleetjobs.core.error;

/**
 * Base of every refusal the service answers with an AWS error. Each subclass is one AWS error
 * shape; {@link #errorType()} is its name as sent in {@code x-amzn-ErrorType}.
 */
public abstract class JobsServiceException extends RuntimeException {

    protected JobsServiceException(String message) {
        super(message, null, false, false);
    }

    public String errorType() {
        return getClass().getSimpleName();
    }
}
