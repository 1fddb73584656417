package dev.fleetjobs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteFilesTest {

    @TempDir
    Path tmp;

    @Test
    void createdDirectoriesAndDatabaseFilesAreOwnerOnly() throws Exception {
        Path dataDir = tmp.resolve("var/fleetjobs");
        try (JobStore store = SqliteStores.open(dataDir)) {
            store.write((StoreTransaction tx) -> {
                tx.insertThing(new Thing("a", "id-a", Map.of(), 1, 1));
                return null;
            }).join();

            assertThat(permissions(tmp.resolve("var"))).isEqualTo("rwx------");
            assertThat(permissions(dataDir)).isEqualTo("rwx------");
            for (String file : new String[] {"fleetjobs.db", "fleetjobs.db-wal", "fleetjobs.db-shm"}) {
                assertThat(dataDir.resolve(file)).exists();
                assertThat(permissions(dataDir.resolve(file))).as(file).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void closingCheckpointsTheLogIntoTheDatabaseFile() throws Exception {
        try (JobStore store = SqliteStores.open(tmp)) {
            store.write((StoreTransaction tx) -> {
                tx.insertThing(new Thing("a", "id-a", Map.of(), 1, 1));
                return null;
            }).join();
        }
        Path wal = tmp.resolve("fleetjobs.db-wal");
        assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the WAL is empty or gone").isTrue();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("fleetjobs.db"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM things")) {
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void connectionsAreDurableWalWithForeignKeysAndReadersRefuseWrites() throws Exception {
        SqliteDialect dialect = new SqliteDialect();
        Path db = tmp.resolve("pragmas.db");
        try (Connection writer = DriverManager.getConnection("jdbc:sqlite:" + db);
             Connection reader = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            dialect.configure(writer, false);
            dialect.configure(reader, true);
            assertThat(pragma(writer, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(writer, "synchronous")).isEqualTo("2");
            assertThat(pragma(writer, "foreign_keys")).isEqualTo("1");
            assertThat(Long.parseLong(pragma(writer, "busy_timeout"))).isPositive();
            assertThat(pragma(writer, "query_only")).isEqualTo("0");
            assertThat(pragma(reader, "query_only")).isEqualTo("1");
            try (Statement s = reader.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("CREATE TABLE t (x)"))
                        .isInstanceOf(SQLException.class);
            }
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.getString(1);
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
