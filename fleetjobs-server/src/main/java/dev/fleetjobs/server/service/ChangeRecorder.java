package dev.fleetjobs.server.service;

import dev.fleetjobs.store.StoreTransaction;

/**
 * Keeps what one unit of work changed inside its own transaction (in the change feed of a
 * database that several nodes share), so that it is committed, or lost, with the change itself
 * and every node learns of it in commit order.
 */
@FunctionalInterface
public interface ChangeRecorder {

    void record(StoreTransaction tx, CommittedChanges changes);
}
