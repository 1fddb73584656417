package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.sql.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import javax.sql.DataSource;

/**
 * PostgreSQL, shared by any number of nodes: writers run concurrent READ COMMITTED transactions
 * (every statement sees what was committed before it), readers one REPEATABLE READ snapshot per
 * read. Both schemas have the same columns: flags are integers 0 and 1 on both.
 */
public final class PostgresDialect implements Dialect {

    /** The channel every node listens on; a transaction that appended to the change feed notifies it. */
    static final String FEED_CHANNEL = "fleetjobs_feed";

    private static final Set<String> TRANSIENT = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03"); // lock_not_available

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/postgresql";
    }

    @Override
    public void configure(Connection connection, boolean reader) throws SQLException {
        if (reader) {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        } else {
            connection.setReadOnly(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return "23503".equals(e.getSQLState());
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean isTransient(SQLException e) {
        return e.getSQLState() != null && TRANSIENT.contains(e.getSQLState());
    }

    @Override
    public boolean isConnectionLost(SQLException e) {
        // Class 08 (connection exception), 57P01-57P03 (the server shut down or cannot take connections now).
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public boolean failedStatementAbortsTransaction() {
        return true;
    }

    @Override
    public String lockQuery() {
        return "SELECT 1 FROM (SELECT pg_advisory_xact_lock(CAST(:space AS INTEGER), hashtext(:key))) AS l";
    }

    @Override
    public String claimClause() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    public String feedSignal() {
        return "SELECT CAST(pg_notify('" + FEED_CHANNEL + "', '') AS TEXT)";
    }

    @Override
    public AutoCloseable listenForFeed(DataSource dataSource, Runnable onSignal) {
        return FeedListener.start(dataSource, FEED_CHANNEL, onSignal);
    }

    /** Moves each identity sequence of the table past the highest key copied into it. */
    @Override
    public void afterCopy(Connection connection, String table) throws SQLException {
        String columns = "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name = ? AND is_identity = 'YES'";
        try (var query = connection.prepareStatement(columns)) {
            query.setString(1, table);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String column = rs.getString(1);
                    try (Statement statement = connection.createStatement()) {
                        // Names come from the catalog, never from input.
                        statement.execute("SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'),"
                                + " (SELECT COALESCE(MAX(" + column + "), 0) + 1 FROM " + table + "), false)");
                    }
                }
            }
        }
    }
}
