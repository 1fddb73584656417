package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.DatabaseOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.store.postgresql.TestPostgres;
import java.util.function.UnaryOperator;

/**
 * Where a test's server keeps its data: SQLite in its data directory, or a fresh database of the
 * test run's PostgreSQL. The end-to-end suites ask for it through {@code backend()}, so that each
 * runs on both (a {@code Postgres...Test} subclass per suite).
 */
enum ServerBackend {

    SQLITE(config -> config),
    POSTGRESQL(config -> config.withDatabase(new DatabaseOptions(TestPostgres.shared().newDatabaseUrl(), ServerBackend.SEALING_KEY,
            "the tests' sealing key")));

    /** The sealing key every test node shares (base64 of 32 bytes). */
    static final String SEALING_KEY = "zRUwuixGC4CuBi0RbPFqVyayr+pykGVqAobUNem6OmA=";

    private final UnaryOperator<ServerConfig> apply;

    ServerBackend(UnaryOperator<ServerConfig> apply) {
        this.apply = apply;
    }

    /** The config with this backend's storage; on PostgreSQL a new database each time. */
    ServerConfig configure(ServerConfig config) {
        return apply.apply(config);
    }
}
