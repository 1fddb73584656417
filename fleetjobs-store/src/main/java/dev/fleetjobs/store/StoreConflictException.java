package dev.fleetjobs.store;

/** A write lost a race: a key already exists, or the stored version is not the expected one. */
public class StoreConflictException extends RuntimeException {

    public StoreConflictException(String message) {
        super(message);
    }
}
