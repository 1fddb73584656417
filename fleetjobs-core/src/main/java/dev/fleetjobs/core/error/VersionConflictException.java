package dev.fleetjobs.core.error;

import dev.fleetjobs.core.model.JobExecution;
import java.util.Optional;

/** {@code expectedVersion} does not match the stored version (HTTP 409). Carries the current execution so the edge can report its state. */
public final class VersionConflictException extends JobsServiceException {

    private final transient JobExecution current;

    public VersionConflictException(String message, JobExecution current) {
        super(message);
        this.current = current;
    }

    public Optional<JobExecution> current() {
        return Optional.ofNullable(current);
    }
}
