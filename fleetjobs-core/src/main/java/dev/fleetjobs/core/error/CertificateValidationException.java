package dev.fleetjobs.core.error;

/** The certificate is invalid, unknown, or not in a status that lets it authenticate (HTTP 400). */
public final class CertificateValidationException extends JobsServiceException {

    public CertificateValidationException(String message) {
        super(message);
    }
}
