package dev.fleetjobs.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/**
 * A consistent copy of a node's SQLite database taken while the server keeps writing to it:
 * {@code VACUUM INTO} on a read-only connection of its own. The database is in WAL mode, so this
 * reader sees one committed state from its first page to its last and never holds the writer up;
 * the server's lock on the data directory is neither needed nor taken.
 */
public final class SqliteSnapshot {

    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private SqliteSnapshot() {
    }

    /**
     * Writes the database of {@code dataDir} into {@code target}, a new file (SQLite refuses to
     * write into an existing one). The copy is a self-contained database: no -wal file belongs to it.
     */
    public static void copy(Path dataDir, Path target) throws SQLException {
        Path database = dataDir.toAbsolutePath().resolve(SqliteStores.DATABASE_FILE);
        if (!Files.isRegularFile(database)) {
            throw new IllegalArgumentException("No SQLite database in " + dataDir + " (" + database + " is missing)");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + database);
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        }
    }
}
