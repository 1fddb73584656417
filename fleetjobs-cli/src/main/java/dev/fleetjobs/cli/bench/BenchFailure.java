package dev.fleetjobs.cli.bench;

/** A scenario could not run to its end (its setup was refused, the server stopped answering). */
final class BenchFailure extends RuntimeException {

    BenchFailure(String message) {
        super(message);
    }

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
