package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.JobsServiceException;

/** The request carries no SigV4 signature, neither an {@code Authorization} header nor a presigned query (HTTP 403). */
public final class MissingAuthenticationTokenException extends JobsServiceException {

    public MissingAuthenticationTokenException(String message) {
        super(message);
    }
}
