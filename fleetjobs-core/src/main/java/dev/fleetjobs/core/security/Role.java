package dev.fleetjobs.core.security;

/** What an access key may do. */
public enum Role {
    /** Everything: both planes, every thing. */
    ADMIN,
    /** The control plane. */
    OPERATOR,
    /** The data plane, for the things whose names match the key's pattern. */
    DEVICE
}
