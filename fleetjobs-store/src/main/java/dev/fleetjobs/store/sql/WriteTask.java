package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreTransaction;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** One unit of work waiting for, or running in, the writer; remembers its outcome until the commit. */
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
