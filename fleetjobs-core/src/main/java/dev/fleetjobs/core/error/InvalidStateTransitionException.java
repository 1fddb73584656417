package dev.fleetjobs.core.error;

import dev.fleetjobs.core.model.JobExecution;
import java.util.Optional;

/** The requested status change is not allowed from the current status (HTTP 409). Carries the current execution so the edge can report its state. */
public final class InvalidStateTransitionException extends JobsServiceException {

    private final transient JobExecution current;

    public InvalidStateTransitionException(String message, JobExecution current) {
        super(message);
        this.current = current;
    }

    public Optional<JobExecution> current() {
        return Optional.ofNullable(current);
    }
}
