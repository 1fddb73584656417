package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreUnavailableException;

/**
 * A statement failed only because its transaction lost a race with another one (a deadlock, a
 * serialization failure): the writer runs the unit of work again rather than fail it.
 */
final class LostRaceException extends StoreUnavailableException {

    LostRaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
