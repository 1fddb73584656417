package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.JobsServiceException;

/** The SigV4 signature is malformed: a broken {@code Authorization} header or credential, or no usable {@code X-Amz-Date}/{@code Date} (HTTP 403). */
public final class IncompleteSignatureException extends JobsServiceException {

    public IncompleteSignatureException(String message) {
        super(message);
    }
}
