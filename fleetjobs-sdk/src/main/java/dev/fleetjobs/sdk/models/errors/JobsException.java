package dev.fleetjobs.sdk.models.errors;

/**
 * Every failure of a call: {@link JobsServiceException} when the service answered with an error,
 * {@link TransportException} when no answer arrived.
 */
public abstract class JobsException extends RuntimeException {

    protected JobsException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the call may succeed if sent again unchanged: throttling, server faults, I/O errors. */
    public abstract boolean isRetryable();
}
