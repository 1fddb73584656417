package dev.fleetjobs.sdk.models.errors;

/** The client certificate is not valid (HTTP 400, mutual TLS only). */
public final class CertificateValidationException extends JobsServiceException {

    public CertificateValidationException(int statusCode, String message, String requestId, String rawBody) {
        super(statusCode, "CertificateValidationException", message, requestId, rawBody);
    }
}
