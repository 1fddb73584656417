package dev.fleetjobs.cli.bench;

/**
 * What a measured window gave.
 *
 * @param seconds      length of the measured window
 * @param ranOutOfWork why the window ended early, or null when it ran its full length
 * @param cpu          the server's CPU during the window; null when it cannot be read
 */
record LoadResult(Measurement measurement, double seconds, String ranOutOfWork, CpuUse cpu) {

    double opsPerSecond() {
        return seconds <= 0 ? 0 : measurement.ops() / seconds;
    }
}
