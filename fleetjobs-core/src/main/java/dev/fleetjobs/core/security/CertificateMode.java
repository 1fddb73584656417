package dev.fleetjobs.core.security;

/** How a certificate was registered: DEFAULT (with a CA that proved it owns its key) or SNI_ONLY (without). */
public enum CertificateMode {
    DEFAULT,
    SNI_ONLY
}
