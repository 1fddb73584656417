package dev.fleetjobs.store.sql;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * What differs between the databases {@link SqlJobStore} runs on, and nothing else: the SQL
 * itself is written once in the subset SQLite and PostgreSQL share.
 */
public interface Dialect {

    /** The Flyway location of this database's numbered migrations, e.g. {@code classpath:db/migration/sqlite}. */
    String migrationLocation();

    /**
     * Prepares a freshly opened connection while it is still in auto-commit mode (pragmas,
     * session settings). A reader connection must refuse writes and give each read transaction
     * one snapshot.
     */
    void configure(Connection connection, boolean reader) throws SQLException;

    /** Whether the failure is a violated primary or unique key, judged by SQLState or vendor code only. */
    boolean isUniqueViolation(SQLException e);

    /** Whether the failure is a violated foreign key, judged by SQLState or vendor code only. */
    boolean isForeignKeyViolation(SQLException e);

    /** Runs on the writer connection after the last commit, just before it closes. */
    default void beforeClose(Connection writer) throws SQLException {
    }

    // several writers on one database

    /**
     * Whether other processes may write the database at the same time. Then units of work run in
     * concurrent transactions, lock what they rely on, and run again when they lose a race.
     */
    default boolean shared() {
        return false;
    }

    /** Whether the failure only means the transaction lost a race (a deadlock, a serialization failure) and may simply run again. */
    default boolean isTransient(SQLException e) {
        return false;
    }

    /** Whether the connection itself is gone (it must be replaced), judged by SQLState only. */
    default boolean isConnectionLost(SQLException e) {
        return false;
    }

    /**
     * Whether a failed statement leaves the whole transaction unusable (PostgreSQL): statements a
     * unit of work may catch a conflict of then run in a savepoint of their own.
     */
    default boolean failedStatementAbortsTransaction() {
        return false;
    }

    /**
     * A query that takes a lock on (:space, :key) held until the transaction ends, or null where
     * one writer at a time is all there is.
     */
    default String lockQuery() {
        return null;
    }

    /** Appended to a query that claims the rows it returns for this transaction, skipping rows another holds; empty where there is nobody to skip. */
    default String claimClause() {
        return "";
    }

    /** A statement run in a transaction that appended to the change feed, to wake the other nodes after its commit; null for none. */
    default String feedSignal() {
        return null;
    }

    /** Calls {@code onSignal} whenever another connection committed a feed signal; closing stops listening. */
    default AutoCloseable listenForFeed(DataSource dataSource, Runnable onSignal) {
        return () -> { };
    }

    /** After rows were copied into {@code table} with their keys, makes the table's generated keys continue above them. */
    default void afterCopy(Connection connection, String table) throws SQLException {
    }
}
