package dev.fleetjobs.core.error;

/** More than one registered CA certificate could have signed the certificate (HTTP 409). */
public final class CertificateConflictException extends JobsServiceException {

    public CertificateConflictException(String message) {
        super(message);
    }
}
