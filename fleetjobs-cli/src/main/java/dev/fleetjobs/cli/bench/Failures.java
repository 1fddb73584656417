package dev.fleetjobs.cli.bench;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** One line for a failure, as a report shows it. */
final class Failures {

    private Failures() {
    }

    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof UnexpectedAnswerException || cause instanceof BenchFailure) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
