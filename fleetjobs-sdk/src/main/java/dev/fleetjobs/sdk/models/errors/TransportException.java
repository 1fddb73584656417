package dev.fleetjobs.sdk.models.errors;

/** No HTTP answer: the connection failed, was reset, or timed out. */
public final class TransportException extends JobsException {

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
