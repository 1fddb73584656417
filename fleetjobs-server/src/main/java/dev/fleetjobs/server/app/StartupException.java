package dev.fleetjobs.server.app;

/** The server cannot start as configured; the message says why in one line, for the operator. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
