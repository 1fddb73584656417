package dev.fleetjobs.core.security;

import java.util.Objects;

/**
 * An access key other than the root key. SigV4 needs the secret itself to verify a signature, so
 * it is kept encrypted ({@code sealedSecret}), never hashed.
 *
 * @param thingPattern      the things a DEVICE key may act for; null for other roles
 * @param revokedAtMillis   null while the key is usable
 */
public record AccessKey(String accessKeyId, String sealedSecret, Role role, ThingPattern thingPattern, String description,
                        long createdAtMillis, Long revokedAtMillis) {

    public AccessKey {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
        Objects.requireNonNull(role, "role");
        if ((role == Role.DEVICE) != (thingPattern != null)) {
            throw new IllegalArgumentException("A thing pattern belongs to device keys, and every device key has one");
        }
    }

    public boolean revoked() {
        return revokedAtMillis != null;
    }

    public AccessKey revokedAt(long millis) {
        return new AccessKey(accessKeyId, sealedSecret, role, thingPattern, description, createdAtMillis, millis);
    }

    @Override
    public String toString() {
        return "AccessKey[" + accessKeyId + ", " + role + (thingPattern == null ? "" : " " + thingPattern)
                + (revoked() ? ", revoked" : "") + "]";
    }
}
