package dev.fleetjobs.cli.bench;

/** A wrong option, missing credentials or an endpoint that cannot be reached: told in one line, exit code 2. */
final class BenchUsageException extends RuntimeException {

    BenchUsageException(String message) {
        super(message);
    }

    BenchUsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
