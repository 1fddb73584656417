package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies every table of a SQLite store into an empty store of another database at the same
 * schema, rows with their keys, in one transaction: the target is either a full copy or untouched.
 * Tables are found in SQLite's catalog and copied parents first (by their foreign keys), so tables
 * that later migrations add are copied too.
 */
public final class StoreCopy {

    /** Tables whose rows the migrations themselves insert: replaced, not checked for emptiness. */
    private static final Set<String> SEEDED = Set.of("security_generation");
    private static final int BATCH = 1000;

    private StoreCopy() {
    }

    /**
     * @param source  a connection to the SQLite database, migrated to the newest schema
     * @param target  a connection to the target database, migrated to the same schema
     * @return the rows copied, by table, in the order copied
     * @throws IllegalStateException naming the tables that already hold rows, when the target is not empty
     */
    public static Map<String, Long> copy(Connection source, Connection target, Dialect targetDialect) throws SQLException {
        List<String> tables = tablesParentsFirst(source);
        List<String> filled = new ArrayList<>();
        for (String table : tables) {
            if (!SEEDED.contains(table) && count(target, table) > 0) {
                filled.add(table);
            }
        }
        if (!filled.isEmpty()) {
            throw new IllegalStateException("The target database is not empty (rows in " + String.join(", ", filled)
                    + "); copy only into a new database");
        }
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        Map<String, Long> copied = new LinkedHashMap<>();
        try {
            for (String table : tables) {
                if (SEEDED.contains(table)) {
                    try (Statement clear = target.createStatement()) {
                        clear.executeUpdate("DELETE FROM " + table);
                    }
                }
                copied.put(table, copyTable(source, target, table));
                targetDialect.afterCopy(target, table);
            }
            target.commit();
        } catch (SQLException | RuntimeException e) {
            target.rollback();
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
        return copied;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        // Names come from SQLite's own catalog, never from input.
        try (Statement select = source.createStatement(); ResultSet rs = select.executeQuery("SELECT * FROM " + table + " ORDER BY rowid")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i));
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement statement = target.prepareStatement(insert)) {
                while (rs.next()) {
                    for (int i = 1; i <= columns.size(); i++) {
                        statement.setObject(i, rs.getObject(i));
                    }
                    statement.addBatch();
                    if (++rows % BATCH == 0) {
                        statement.executeBatch();
                    }
                }
                statement.executeBatch();
            }
        }
        return rows;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreUnavailableException("The target database has no table " + table + ": is it at the same schema?", e);
        }
    }

    /** The store's tables in SQLite's catalog, each after the tables its foreign keys point to. */
    static List<String> tablesParentsFirst(Connection sqlite) throws SQLException {
        List<String> all = new ArrayList<>();
        try (Statement statement = sqlite.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                        + " AND name <> 'flyway_schema_history' ORDER BY name")) {
            while (rs.next()) {
                all.add(rs.getString(1));
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : all) {
            Set<String> referenced = new LinkedHashSet<>();
            try (Statement statement = sqlite.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA foreign_key_list(" + table + ")")) {
                while (rs.next()) {
                    String parent = rs.getString("table");
                    if (!parent.equals(table)) {
                        referenced.add(parent);
                    }
                }
            }
            parents.put(table, referenced);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < all.size()) {
            boolean progressed = false;
            for (String table : all) {
                if (!ordered.contains(table) && ordered.containsAll(parents.get(table))) {
                    ordered.add(table);
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new IllegalStateException("The tables' foreign keys form a cycle; cannot order the copy");
            }
        }
        return ordered;
    }
}
