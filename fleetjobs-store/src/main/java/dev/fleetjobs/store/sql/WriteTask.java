package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreTransaction;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One unit of work waiting for, or running in, a writer; remembers its outcome until the commit. */
final class WriteTask<T> {

    static final WriteTask<Void> STOP = new WriteTask<>(tx -> null);

    final CompletableFuture<T> future = new CompletableFuture<>();
    private final Function<StoreTransaction, T> work;
    private T result;
    private Throwable failure;

    WriteTask(Function<StoreTransaction, T> work) {
        this.work = work;
    }

    /** Runs the work; a throw is kept as the outcome rather than propagated. Returns whether it succeeded. */
    boolean run(StoreTransaction tx) {
        try {
            result = work.apply(tx);
            return true;
        } catch (Throwable t) {
            failure = t;
            return false;
        }
    }

    boolean failed() {
        return failure != null;
    }

    Throwable failure() {
        return failure;
    }

    /** The run did not hold after all (what it left for the end of the unit failed). */
    void failWith(Throwable t) {
        result = null;
        failure = t;
    }

    /**
     * Whether the run failed only because its transaction lost a race, so that running it again
     * may succeed: a deadlock or serialization failure, or, where other processes write the same
     * database, a key or version that another transaction changed after this one read it.
     */
    boolean lostRace(Dialect dialect) {
        return failure instanceof LostRaceException || (dialect.shared() && failure instanceof StoreConflictException);
    }

    /** Forgets the outcome of a run that was rolled back, before the work runs again. */
    void reset() {
        result = null;
        failure = null;
    }

    /** Completes the future with the outcome; call only once the transaction has ended. */
    void complete() {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(result);
        }
    }

    /** Completes the future with {@code unavailable} unless the work itself threw (then nothing of it was kept anyway). */
    void failUnlessThrew(RuntimeException unavailable) {
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.completeExceptionally(unavailable);
        }
    }
}
