package dev.fleetjobs.cli.bench;

/**
 * CPU time used during a measured window.
 *
 * @param scope whose CPU it is (the server process, or this process with the embedded server and the bench)
 */
record CpuUse(long nanos, String scope) {

    /** Microseconds of CPU per operation of the window. */
    double microsPerOp(long ops) {
        return ops == 0 ? 0 : nanos / 1000.0 / ops;
    }
}
