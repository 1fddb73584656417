package dev.fleetjobs.cli.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives workers back to back, each with one operation in flight (a closed loop, like wrk's
 * connections): warm-up first, then the measured window; then each worker finishes the operation
 * it is in and stops. Everything runs on one event-loop context, so a worker needs no locking.
 */
final class ClosedLoop {

    /** One simulated client: each call starts its next operation. */
    interface Worker {
        /** Fails with {@link NoMoreWork} when the worker has nothing left to do. */
        Future<?> step();
    }

    private enum Phase { WARMUP, MEASURE, DONE }

    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(70);

    private final Vertx vertx;
    private final List<? extends Worker> workers;
    private final Timing timing;
    private final ProcessCpu cpu;
    private final Measurement measurement = new Measurement();
    private final AtomicInteger running = new AtomicInteger();
    private final Promise<Void> stopped = Promise.promise();
    private volatile Phase phase = Phase.WARMUP;
    private volatile long startNanos;
    private volatile long measureStartNanos;
    private volatile long measureEndNanos;
    private volatile String ranOutOfWork;
    private volatile long cpuAtStart;
    private volatile long cpuAtEnd;
    private Context context;

    /** @param cpu the server's CPU clock, read as the measured window opens and closes; null when unknown */
    ClosedLoop(Vertx vertx, List<? extends Worker> workers, Timing timing, ProcessCpu cpu) {
        this.vertx = vertx;
        this.workers = List.copyOf(workers);
        this.timing = timing;
        this.cpu = cpu;
    }

    /** Runs the warm-up and the measured window and returns what was measured. */
    LoadResult run() {
        context = vertx.getOrCreateContext();
        running.set(workers.size());
        context.runOnContext(ignored -> {
            startNanos = System.nanoTime();
            if (timing.warmup().isZero()) {
                startMeasuring();
            } else {
                vertx.setTimer(timing.warmup().toMillis(), id -> startMeasuring());
            }
            workers.forEach(this::next);
        });
        Await.result(stopped.future(), timing.total().plus(DRAIN_LIMIT), "the operations under way to finish");
        double seconds = (measureEndNanos - measureStartNanos) / 1e9;
        return new LoadResult(measurement, seconds, ranOutOfWork, cpu == null ? null : new CpuUse(cpuAtEnd - cpuAtStart, cpu.scope()));
    }

    /** What the loop is doing now, for the progress line. */
    String status() {
        long now = System.nanoTime();
        return switch (phase) {
            case WARMUP -> String.format(Locale.ROOT, "warming up %d/%d s", TimeUnit.NANOSECONDS.toSeconds(now - startNanos),
                    timing.warmup().toSeconds());
            case MEASURE -> {
                double elapsed = (now - measureStartNanos) / 1e9;
                yield String.format(Locale.ROOT, "measuring %d/%d s  %,.0f ops/s  %,d errors", (long) elapsed,
                        timing.duration().toSeconds(), elapsed <= 0 ? 0 : measurement.ops() / elapsed, measurement.errors());
            }
            case DONE -> "finishing the operations under way";
        };
    }

    private void startMeasuring() {
        if (phase != Phase.WARMUP) {
            return;
        }
        cpuAtStart = cpu == null ? 0 : cpu.nanos();
        measureStartNanos = System.nanoTime();
        phase = Phase.MEASURE;
        vertx.setTimer(Math.max(1, timing.duration().toMillis()), id -> stop(null));
    }

    private void stop(String reason) {
        if (phase == Phase.DONE) {
            return;
        }
        if (phase == Phase.WARMUP) {
            cpuAtStart = cpu == null ? 0 : cpu.nanos();
            measureStartNanos = System.nanoTime();
        }
        measureEndNanos = System.nanoTime();
        cpuAtEnd = cpu == null ? 0 : cpu.nanos();
        ranOutOfWork = reason;
        phase = Phase.DONE;
    }

    private void next(Worker worker) {
        if (phase == Phase.DONE) {
            if (running.decrementAndGet() == 0) {
                stopped.tryComplete();
            }
            return;
        }
        long start = System.nanoTime();
        Future<?> operation;
        try {
            operation = worker.step();
        } catch (RuntimeException e) {
            operation = Future.failedFuture(e);
        }
        boolean[] returned = {false};
        operation.onComplete(outcome -> {
            if (outcome.failed() && outcome.cause() instanceof NoMoreWork noMore) {
                stop(noMore.getMessage());
            } else if (phase == Phase.MEASURE) {
                measurement.record(start, System.nanoTime(), outcome.cause());
            }
            if (returned[0]) {
                next(worker);
            } else {
                // completed before step() returned: go on from the event loop, not deeper in this stack
                context.runOnContext(ignored -> next(worker));
            }
        });
        returned[0] = true;
    }
}
