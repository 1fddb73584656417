package dev.fleetjobs.server.console;

import dev.fleetjobs.core.error.JobsServiceException;

/** The console request has no live session, or sign-in failed (HTTP 401, the model's UnauthorizedException). */
public final class UnauthorizedException extends JobsServiceException {

    public UnauthorizedException(String message) {
        super(message);
    }
}
