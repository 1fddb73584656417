package dev.fleetjobs.cli.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * A numbered list of tasks run with a bounded number in flight (setup work: registering things,
 * creating jobs). The first failure fails the whole and starts nothing more.
 */
final class Tasks {

    private final Context context;
    private final int count;
    private final IntFunction<Future<?>> task;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicInteger chains = new AtomicInteger();
    private final AtomicLong done = new AtomicLong();
    private final Promise<Void> finished = Promise.promise();
    private final Measurement measurement;

    private Tasks(Vertx vertx, int count, IntFunction<Future<?>> task, Measurement measurement) {
        this.context = vertx.getOrCreateContext();
        this.count = count;
        this.task = task;
        this.measurement = measurement;
    }

    /** Runs tasks 0 to {@code count - 1}, at most {@code concurrency} at a time. */
    static Tasks start(Vertx vertx, int count, int concurrency, IntFunction<Future<?>> task) {
        return start(vertx, count, concurrency, task, null);
    }

    /** The same, timing every task into {@code measurement} (null for none). */
    static Tasks start(Vertx vertx, int count, int concurrency, IntFunction<Future<?>> task, Measurement measurement) {
        Tasks tasks = new Tasks(vertx, count, task, measurement);
        int chains = Math.max(1, Math.min(concurrency, count));
        tasks.chains.set(chains);
        if (count == 0) {
            tasks.finished.complete();
            return tasks;
        }
        tasks.context.runOnContext(ignored -> {
            for (int i = 0; i < chains; i++) {
                tasks.next();
            }
        });
        return tasks;
    }

    Future<Void> future() {
        return finished.future();
    }

    long done() {
        return done.get();
    }

    private void next() {
        int index = nextIndex.getAndIncrement();
        if (index >= count || finished.future().isComplete()) {
            if (chains.decrementAndGet() == 0) {
                finished.tryComplete();
            }
            return;
        }
        long start = System.nanoTime();
        Future<?> running;
        try {
            running = task.apply(index);
        } catch (RuntimeException e) {
            running = Future.failedFuture(e);
        }
        running.onComplete(outcome -> {
            if (measurement != null) {
                measurement.record(start, System.nanoTime(), outcome.cause());
            }
            if (outcome.failed()) {
                finished.tryFail(outcome.cause());
            } else {
                done.incrementAndGet();
            }
            context.runOnContext(ignored -> next());
        });
    }
}
