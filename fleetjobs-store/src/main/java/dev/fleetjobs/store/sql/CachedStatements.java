package dev.fleetjobs.store.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps one connection's prepared statements for the next unit of work. On SQLite, preparing a
 * statement costs about as much as running one of the small indexed queries of the data plane, and
 * the store runs the same few dozen statements over and over. A statement in use when the same SQL
 * is asked for again (a query run inside another's iteration) is prepared afresh and closed after.
 * Not thread-safe: like its connection, it serves one thread at a time.
 */
final class CachedStatements implements StatementBuilder {

    static final int DEFAULT_CAPACITY = 128;

    private final StatementBuilder fallback = new DefaultStatementBuilder();
    private final int capacity;
    private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    /** By the parsed SQL Jdbi prepares ({@code ?} placeholders); Jdbi hands the SQL as written to {@link #close}. */
    private final Map<String, PreparedStatement> cached;
    private final Set<Statement> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    private long prepared;

    CachedStatements(int capacity) {
        this.capacity = capacity;
        this.cached = new LinkedHashMap<>(capacity * 2, 0.75f, true);
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return fallback.create(connection, context);
    }

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        if (context.isReturningGeneratedKeys() || context.isConcurrentUpdatable()) {
            prepared++;
            return fallback.create(connection, sql, context);
        }
        PreparedStatement statement = cached.get(sql);
        if (statement != null && !inUse.contains(statement) && !statement.isClosed()) {
            inUse.add(statement);
            return statement;
        }
        prepared++;
        PreparedStatement fresh = connection.prepareStatement(sql);
        if (statement == null || statement.isClosed()) {
            if (statement != null) {
                kept.remove(statement);
            }
            cached.put(sql, fresh);
            kept.add(fresh);
            inUse.add(fresh);
            evictBeyondCapacity();
        }
        return fresh;
    }

    @Override
    public java.sql.CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return fallback.createCall(connection, sql, context);
    }

    @Override
    public void close(Connection connection, String sql, Statement statement) throws SQLException {
        if (inUse.remove(statement) && kept.contains(statement)) {
            ((PreparedStatement) statement).clearParameters();
            return;
        }
        statement.close();
    }

    @Override
    public void close(Connection connection) {
        cached.values().forEach(CachedStatements::closeQuietly);
        cached.clear();
        kept.clear();
        inUse.clear();
    }

    /** Statements prepared so far (cache misses); for tests. */
    long preparedCount() {
        return prepared;
    }

    private void evictBeyondCapacity() {
        Iterator<Map.Entry<String, PreparedStatement>> eldest = cached.entrySet().iterator();
        while (cached.size() > capacity && eldest.hasNext()) {
            PreparedStatement statement = eldest.next().getValue();
            if (!inUse.contains(statement)) {
                eldest.remove();
                kept.remove(statement);
                closeQuietly(statement);
            }
        }
    }

    private static void closeQuietly(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the connection is going away or the statement was finished already
        }
    }
}
