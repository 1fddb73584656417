package dev.fleetjobs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class SqliteSnapshotTest {

    @TempDir
    Path dataDir;

    @Test
    @Timeout(10)
    void copiesWhatIsCommittedWhileAWriterHoldsItsTransactionOpen() throws Exception {
        String url = "jdbc:sqlite:" + dataDir.resolve(SqliteStores.DATABASE_FILE);
        try (Connection writer = DriverManager.getConnection(url); Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE things (name TEXT PRIMARY KEY)");
            statement.execute("INSERT INTO things VALUES ('committed')");
            writer.setAutoCommit(false);
            statement.execute("INSERT INTO things VALUES ('not yet')"); // the writer's lock is held from here
            long started = System.nanoTime();
            SqliteSnapshot.copy(dataDir, dataDir.resolve("copy.db"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            writer.commit();
            statement.execute("INSERT INTO things VALUES ('after')");
            writer.commit();
        }
        try (Connection copy = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("copy.db"));
             ResultSet rows = copy.createStatement().executeQuery("SELECT group_concat(name) FROM things")) {
            assertThat(rows.getString(1)).isEqualTo("committed");
        }
    }

    @Test
    void refusesADirectoryWithoutADatabaseAndAnExistingTarget() throws Exception {
        assertThatThrownBy(() -> SqliteSnapshot.copy(dataDir, dataDir.resolve("copy.db"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No SQLite database");
        SqliteStores.open(dataDir).close();
        java.nio.file.Files.writeString(dataDir.resolve("taken.db"), "something");
        assertThatThrownBy(() -> SqliteSnapshot.copy(dataDir, dataDir.resolve("taken.db"))).isInstanceOf(SQLException.class);
    }
}
