package dev.fleetjobs.store.sql;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases {@link SqlJobStore} runs on, and nothing else: the SQL
 * itself is written once in the subset SQLite and PostgreSQL share.
 */
public interface Dialect {

    /** The Flyway location of this database's numbered migrations, e.g. {@code classpath:db/migration/sqlite}. */
    String migrationLocation();

    /**
     * Prepares a freshly opened connection while it is still in auto-commit mode (pragmas,
     * session settings). A reader connection must refuse writes.
     */
    void configure(Connection connection, boolean reader) throws SQLException;

    /** Whether the failure is a violated primary or unique key, judged by SQLState or vendor code only. */
    boolean isUniqueViolation(SQLException e);

    /** Whether the failure is a violated foreign key, judged by SQLState or vendor code only. */
    boolean isForeignKeyViolation(SQLException e);

    /** Runs on the writer connection after the last commit, just before it closes. */
    default void beforeClose(Connection writer) throws SQLException {
    }
}
