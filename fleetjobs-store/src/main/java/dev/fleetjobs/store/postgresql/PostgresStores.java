package dev.fleetjobs.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.fleetjobs.store.StoreUnavailableException;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sql.SqlStoreOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens the store on a PostgreSQL database that any number of nodes may share. */
public final class PostgresStores {

    private PostgresStores() {
    }

    /**
     * Concurrent short transactions (one unit of work each, several writer connections): measured
     * against one writer with group commit in docs/ARCHITECTURE.md ("PostgreSQL").
     */
    public static SqlStoreOptions defaultOptions() {
        return SqlStoreOptions.defaults().withWriteConnections(8).withMaxBatchSize(1);
    }

    public static SqlJobStore open(PostgresUrl url) {
        return open(url, defaultOptions());
    }

    /**
     * Connects (failing at once with the database's own reason when it cannot), migrates the
     * schema (Flyway holds a lock while it does, so nodes starting together migrate once) and
     * opens the store.
     *
     * @throws StoreUnavailableException with a one-line message naming the database and the reason
     */
    public static SqlJobStore open(PostgresUrl url, SqlStoreOptions options) {
        // One plain connection first: a wrong address or password is then one clear reason, not a pool's stack trace.
        try (Connection probe = connect(url)) {
            probe.isValid(5);
        } catch (SQLException e) {
            throw new StoreUnavailableException("Cannot connect to " + url.display() + ": " + reason(e), e);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config(url, options));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("Cannot connect to " + url.display() + ": " + reason(e), e);
        }
        try {
            return SqlJobStore.open(new PostgresDialect(), pool, options, pool);
        } catch (StoreUnavailableException e) {
            throw new StoreUnavailableException("Cannot open the database " + url.display() + ": " + reason(e), e);
        }
    }

    /** A plain connection to the database (no pool), for one-off work such as a copy. */
    public static Connection connect(PostgresUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("reWriteBatchedInserts", "true");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private static HikariConfig config(PostgresUrl url, SqlStoreOptions options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fleetjobs");
        config.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            config.setUsername(url.user());
        }
        if (url.password() != null) {
            config.setPassword(url.password());
        }
        // The store keeps its connections for good: one per writer and reader, the feed listener,
        // and one to spare for migrations and a replaced connection.
        int connections = options.writeConnections() + options.readConnections() + 2;
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "fleetjobs");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    /** The innermost message: what the server or the socket said, on one line. */
    static String reason(Throwable e) {
        Throwable inner = e;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        String message = inner.getMessage() == null ? inner.getClass().getSimpleName() : inner.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }
}
