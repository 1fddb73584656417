package dev.fleetjobs.e2e;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Every row of every table of a data directory's database, read beside the running server, as text to compare;
 * but the progress samples, which the server's sampler writes on its own every few seconds whatever requests come.
 */
final class StoreDump {

    private static final String SAMPLER_TABLE = "job_progress_samples";

    private StoreDump() {
    }

    static String of(Path dataDir) {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + dataDir.resolve("fleetjobs.db").toAbsolutePath() + "?mode=ro");
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rows.next()) {
                    if (!SAMPLER_TABLE.equals(rows.getString(1))) {
                        tables.add(rows.getString(1));
                    }
                }
            }
            for (String table : tables) {
                dump.append("== ").append(table).append('\n');
                try (ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int i = 1; i <= columns; i++) {
                            dump.append(rows.getString(i)).append(i == columns ? '\n' : '|');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot dump the store", e);
        }
        return dump.toString();
    }
}
