package dev.fleetjobs.server.app;

import java.util.Objects;

/**
 * A PostgreSQL database that several nodes share, and the key that seals the secrets kept in it
 * (the root key's secret, access keys' secrets, the device CA's key). Every node is given the same
 * key by its operator; it is never stored in the database.
 *
 * @param url               {@code postgresql://USER:PASSWORD@HOST:PORT/DB} or {@code jdbc:postgresql://...}
 * @param sealingKey        the sealing key (base64 of 32 bytes), or null when none was given (a start-up error)
 * @param sealingKeySource  where it came from, for messages (a file name or an environment variable)
 */
public record DatabaseOptions(String url, String sealingKey, String sealingKeySource) {

    public DatabaseOptions {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String toString() {
        return "DatabaseOptions[sealing key from " + sealingKeySource + "]";
    }
}
