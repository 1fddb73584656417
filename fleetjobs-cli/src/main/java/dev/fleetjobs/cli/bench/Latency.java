package dev.fleetjobs.cli.bench;

import org.HdrHistogram.Histogram;

/** Latency percentiles in milliseconds. */
record Latency(double p50, double p99, double p999, double max) {

    static final Latency NONE = new Latency(0, 0, 0, 0);

    static Latency of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return NONE;
        }
        return new Latency(millis(micros.getValueAtPercentile(50)), millis(micros.getValueAtPercentile(99)),
                millis(micros.getValueAtPercentile(99.9)), millis(micros.getMaxValue()));
    }

    private static double millis(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
