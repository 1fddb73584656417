package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.JobsServiceException;

/** The SigV4 signature does not verify: wrong signature or secret, altered request, bad credential scope, or a signing time outside the allowed skew (HTTP 403). */
public final class InvalidSignatureException extends JobsServiceException {

    public InvalidSignatureException(String message) {
        super(message);
    }
}
