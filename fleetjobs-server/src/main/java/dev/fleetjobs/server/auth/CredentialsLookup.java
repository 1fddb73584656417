package dev.fleetjobs.server.auth;

import java.util.Optional;

/** Finds the secret access key that belongs to an access key id. */
@FunctionalInterface
public interface CredentialsLookup {

    Optional<String> secretKeyFor(String accessKeyId);
}
