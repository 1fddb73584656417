package dev.fleetjobs.core.security;

import java.util.Objects;

/**
 * A registered device certificate.
 *
 * @param certificateId    lowercase hex SHA-256 of the DER encoding, as AWS forms it
 * @param caCertificateId  the registered CA that signed it; null when registered without one or
 *                         issued by this server
 * @param customerVersion  1 at registration, one more with each update
 */
public record Certificate(String certificateId, String certificatePem, CertificateStatus status, String caCertificateId,
                          CertificateMode mode, long createdAtMillis, long lastModifiedAtMillis, int customerVersion,
                          String generationId, long notBeforeMillis, long notAfterMillis) {

    public Certificate {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(generationId, "generationId");
    }

    public Certificate withStatus(CertificateStatus newStatus, long atMillis, String newGenerationId) {
        return new Certificate(certificateId, certificatePem, newStatus, caCertificateId, mode, createdAtMillis, atMillis,
                customerVersion + 1, newGenerationId, notBeforeMillis, notAfterMillis);
    }
}
