package dev.fleetjobs.cli.bench;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Operations counted while measuring: latencies (HdrHistogram, microseconds), errors and a few of their messages. */
final class Measurement {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int ERROR_SAMPLES = 5;

    private final Histogram latencyMicros = new ConcurrentHistogram(HIGHEST_MICROS, 3);
    private final AtomicLong ops = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Queue<String> errorSamples = new ConcurrentLinkedQueue<>();

    /** One operation that took from {@code startNanos} to {@code endNanos}; {@code failure} null when it succeeded. */
    void record(long startNanos, long endNanos, Throwable failure) {
        ops.incrementAndGet();
        latencyMicros.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, (endNanos - startNanos) / 1000)));
        if (failure != null) {
            errors.incrementAndGet();
            if (errorSamples.size() < ERROR_SAMPLES) {
                errorSamples.add(Failures.describe(failure));
            }
        }
    }

    /** An error outside of any single timed operation (a device that missed its notification). */
    void recordError(String message) {
        errors.incrementAndGet();
        if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(message);
        }
    }

    long ops() {
        return ops.get();
    }

    long errors() {
        return errors.get();
    }

    Histogram latencyMicros() {
        return latencyMicros;
    }

    List<String> errorSamples() {
        return List.copyOf(errorSamples);
    }
}
