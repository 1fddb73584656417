package dev.fleetjobs.cli.bench;

import java.util.concurrent.locks.LockSupport;

/** The pause between two polls of the server. */
final class Pause {

    static final long POLL_MILLIS = 50;

    private Pause() {
    }

    static void briefly() {
        LockSupport.parkNanos(POLL_MILLIS * 1_000_000);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("Interrupted");
        }
    }
}
