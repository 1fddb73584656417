package dev.fleetjobs.cli.bench;

/** The server answered, but not as a correct run expects: the operation counts as an error. */
final class UnexpectedAnswerException extends RuntimeException {

    UnexpectedAnswerException(String message) {
        super(message, null, false, false);
    }
}
