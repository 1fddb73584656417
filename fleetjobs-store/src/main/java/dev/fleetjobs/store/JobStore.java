package dev.fleetjobs.store;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Durable storage of things, jobs and executions, shaped as transactions so that the rules of
 * the service run inside them and a database (SQLite now, PostgreSQL later) slots in behind it.
 *
 * <p>A write's future completes only after the transaction that holds it has committed. A unit
 * of work that throws changes nothing: its future completes exceptionally with what it threw,
 * unwrapped, and other work committed with it is unaffected. Reads see committed data only.
 *
 * <p>On a database that several nodes share, a unit of work may run more than once: it is run
 * again, from the start and in a new transaction, when it lost a race with another transaction
 * (a version that moved, a key taken meanwhile, a deadlock). Only its last run is committed, so a
 * unit must have no effects outside its transaction.
 */
public interface JobStore extends AutoCloseable {

    /** Runs {@code work} inside a write transaction; completes after the commit. */
    <T> CompletableFuture<T> write(Function<StoreTransaction, T> work);

    /** Runs {@code work} against a consistent snapshot of committed data. */
    <T> CompletableFuture<T> read(Function<StoreReader, T> work);

    /**
     * Stops accepting work, finishes and commits every write already accepted, then releases the
     * database. Idempotent. Work submitted afterwards fails with {@link StoreUnavailableException}.
     */
    @Override
    void close();
}
