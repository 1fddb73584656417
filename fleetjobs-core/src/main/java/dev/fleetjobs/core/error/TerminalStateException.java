package dev.fleetjobs.core.error;

/** The job is in a terminal state (HTTP 410, data plane DescribeJobExecution only). */
public final class TerminalStateException extends JobsServiceException {

    public TerminalStateException(String message) {
        super(message);
    }
}
