package dev.fleetjobs.core.error;

/** The certificate operation is not allowed in the certificate's current status (HTTP 406). */
public final class CertificateStateException extends JobsServiceException {

    public CertificateStateException(String message) {
        super(message);
    }
}
