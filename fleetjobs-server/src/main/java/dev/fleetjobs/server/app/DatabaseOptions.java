package dev.fleetjobs.server.app;

import dev.fleetjobs.store.postgresql.PostgresStores;
import dev.fleetjobs.store.sql.SqlStoreOptions;
import java.util.Objects;

/**
 * A PostgreSQL database that several nodes share, and the key that seals the secrets kept in it
 * (the root key's secret, access keys' secrets, the device CA's key). Every node is given the same
 * key by its operator; it is never stored in the database.
 *
 * @param url               {@code postgresql://USER:PASSWORD@HOST:PORT/DB} or {@code jdbc:postgresql://...}
 * @param sealingKey        the sealing key (base64 of 32 bytes), or null when none was given (a start-up error)
 * @param sealingKeySource  where it came from, for messages (a file name or an environment variable)
 * @param storeOptions      writer and reader connections (benchmarks compare settings; nodes take the default)
 */
public record DatabaseOptions(String url, String sealingKey, String sealingKeySource, SqlStoreOptions storeOptions) {

    public DatabaseOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(storeOptions, "storeOptions");
    }

    public DatabaseOptions(String url, String sealingKey, String sealingKeySource) {
        this(url, sealingKey, sealingKeySource, PostgresStores.defaultOptions());
    }

    public DatabaseOptions withStoreOptions(SqlStoreOptions options) {
        return new DatabaseOptions(url, sealingKey, sealingKeySource, options);
    }

    @Override
    public String toString() {
        return "DatabaseOptions[sealing key from " + sealingKeySource + "]";
    }
}
