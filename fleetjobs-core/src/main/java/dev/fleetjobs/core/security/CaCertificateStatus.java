package dev.fleetjobs.core.security;

/** The model's CACertificateStatus values; only ACTIVE CAs vouch for device certificates. */
public enum CaCertificateStatus {
    ACTIVE,
    INACTIVE
}
