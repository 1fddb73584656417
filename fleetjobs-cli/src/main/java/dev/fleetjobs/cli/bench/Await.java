package dev.fleetjobs.cli.bench;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits on the bench's own thread for what the event loop does. */
final class Await {

    private Await() {
    }

    static <T> T result(Future<T> future, Duration limit, String what) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BenchFailure("Gave up waiting for " + what + " after " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = Failures.unwrap(e);
            if (cause instanceof BenchFailure failure) {
                throw failure;
            }
            throw new BenchFailure("Failed while waiting for " + what + ": " + Failures.describe(cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted while waiting for " + what);
        }
    }
}
