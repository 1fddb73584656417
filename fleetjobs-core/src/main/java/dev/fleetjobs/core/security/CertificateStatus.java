package dev.fleetjobs.core.security;

/** The model's CertificateStatus values; only ACTIVE certificates authenticate devices. */
public enum CertificateStatus {
    ACTIVE,
    INACTIVE,
    REVOKED,
    PENDING_TRANSFER,
    REGISTER_INACTIVE,
    PENDING_ACTIVATION
}
