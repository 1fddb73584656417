package dev.fleetjobs.server.auth;

import java.util.Optional;

/**
 * Checks an access key presented as a password (MQTT back ends log in with the key id as user
 * name and the secret access key as password). Revoked and unknown keys never log in.
 */
@FunctionalInterface
public interface AccessKeyLogin {

    /** The key's principal when {@code secret} is its secret; the comparison takes the same time whatever matches. */
    Optional<Principal> login(String accessKeyId, byte[] secret);
}
