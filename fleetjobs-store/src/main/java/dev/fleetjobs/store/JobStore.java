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
