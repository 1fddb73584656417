package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.JobsServiceException;

/** The caller is known but may not do this: the wrong plane for its role, or a thing outside its reach (HTTP 403). */
public final class AccessDeniedException extends JobsServiceException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
