package dev.fleetjobs.store;

/** The store cannot take work now (closed, overloaded, or its database failed); the caller may retry later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
