package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.JobsServiceException;

/** The access key id is unknown (HTTP 403). */
public final class UnrecognizedClientException extends JobsServiceException {

    public UnrecognizedClientException(String message) {
        super(message);
    }
}
