package dev.fleetjobs.core.security;

import java.util.Objects;

/** A registered CA certificate, which device certificates may be registered under. */
public record CaCertificate(String certificateId, String certificatePem, CaCertificateStatus status, boolean autoRegistration,
                            CertificateMode mode, long createdAtMillis, long lastModifiedAtMillis, int customerVersion,
                            String generationId, long notBeforeMillis, long notAfterMillis) {

    public CaCertificate {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(certificatePem, "certificatePem");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(generationId, "generationId");
    }

    public CaCertificate withSettings(CaCertificateStatus newStatus, boolean newAutoRegistration, long atMillis, String newGenerationId) {
        return new CaCertificate(certificateId, certificatePem, newStatus, newAutoRegistration, mode, createdAtMillis, atMillis,
                customerVersion + 1, newGenerationId, notBeforeMillis, notAfterMillis);
    }
}
