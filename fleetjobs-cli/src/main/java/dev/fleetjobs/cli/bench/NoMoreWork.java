package dev.fleetjobs.cli.bench;

/** A worker has nothing left to do (a device found no pending job): the measurement ends there. */
final class NoMoreWork extends RuntimeException {

    NoMoreWork(String message) {
        super(message, null, false, false);
    }
}
