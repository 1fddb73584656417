package dev.fleetjobs.store.sqlite;

import dev.fleetjobs.store.sql.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite: WAL so readers run beside the one writer, and every commit durable before it is acknowledged. */
public final class SqliteDialect implements Dialect {

    private static final Set<SQLiteErrorCode> UNIQUE_VIOLATIONS =
            Set.of(SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY, SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE);

    private final Duration busyTimeout;

    public SqliteDialect() {
        this(Duration.ofSeconds(5));
    }

    /** @param busyTimeout how long a connection waits for a lock held by another one before failing */
    public SqliteDialect(Duration busyTimeout) {
        this.busyTimeout = busyTimeout;
    }

    @Override
    public String migrationLocation() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public void configure(Connection connection, boolean reader) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + busyTimeout.toMillis());
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute("PRAGMA foreign_keys = ON");
            if (reader) {
                statement.execute("PRAGMA query_only = ON");
            }
        }
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException && UNIQUE_VIOLATIONS.contains(((SQLiteException) e).getResultCode());
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return e instanceof SQLiteException
                && ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY;
    }

    /** Folds the WAL back into the database file so that a closed store is one self-contained file. */
    @Override
    public void beforeClose(Connection writer) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
    }
}
