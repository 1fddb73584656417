package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.SecurityStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link JobStore} on a SQL database: one writer thread with group commit, a pool of read
 * connections, and schema migrations applied on open. Database differences live in the {@link Dialect}.
 *
 * <p>A write's future completes on the writer thread once its batch has committed, and a read's
 * on its reader thread; continuations that block belong on another executor (the
 * {@code *Async} methods), or they hold up every write behind them.
 */
public final class SqlJobStore implements JobStore {

    private static final Logger LOG = LoggerFactory.getLogger(SqlJobStore.class);

    private final Dialect dialect;
    private final DataSource dataSource;
    private final Writer writer;
    private final ReadPool readPool;
    private final AutoCloseable resources;
    private final Object closeLock = new Object();
    private final SecurityStore security = new SqlSecurityStore(this);
    private boolean closed;

    private SqlJobStore(Dialect dialect, DataSource dataSource, List<Handle> writerHandles, List<Handle> readerHandles,
                        SqlStoreOptions options, AutoCloseable resources) {
        this.dialect = dialect;
        this.dataSource = dataSource;
        this.writer = new Writer(writerHandles, () -> openHandle(dialect, dataSource, false), dialect, options);
        this.readPool = new ReadPool(readerHandles, () -> openHandle(dialect, dataSource, true), dialect, options.readQueueCapacity());
        this.resources = resources;
    }

    /**
     * Migrates the database behind {@code dataSource} to the newest schema and opens the store on it.
     * Every connection the store keeps comes from {@code dataSource} and is set up by {@code dialect}.
     */
    public static SqlJobStore open(Dialect dialect, DataSource dataSource, SqlStoreOptions options) {
        return open(dialect, dataSource, options, () -> { });
    }

    /** As {@link #open(Dialect, DataSource, SqlStoreOptions)}; {@code resources} (a pool) are closed after the store, or when it fails to open. */
    public static SqlJobStore open(Dialect dialect, DataSource dataSource, SqlStoreOptions options, AutoCloseable resources) {
        if (!dialect.shared() && options.writeConnections() != 1) {
            throw new IllegalArgumentException("This database takes one writer connection, not " + options.writeConnections());
        }
        try {
            migrate(dialect, dataSource);
        } catch (StoreUnavailableException e) {
            closeQuietly(resources);
            throw e;
        }
        List<Handle> opened = new ArrayList<>();
        try {
            List<Handle> writers = new ArrayList<>();
            for (int i = 0; i < options.writeConnections(); i++) {
                Handle writerHandle = openHandle(dialect, dataSource, false);
                opened.add(writerHandle);
                writers.add(writerHandle);
            }
            List<Handle> readers = new ArrayList<>();
            for (int i = 0; i < options.readConnections(); i++) {
                Handle reader = openHandle(dialect, dataSource, true);
                opened.add(reader);
                readers.add(reader);
            }
            SqlJobStore store = new SqlJobStore(dialect, dataSource, writers, readers, options, resources);
            store.writer.start();
            return store;
        } catch (SQLException | RuntimeException e) {
            opened.forEach(SqlJobStore::closeQuietly);
            closeQuietly(resources);
            throw new StoreUnavailableException("Cannot open the store's database", e);
        }
    }

    private static void migrate(Dialect dialect, DataSource dataSource) {
        try {
            Flyway.configure(SqlJobStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(dialect.migrationLocation())
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreUnavailableException("Cannot migrate the store's database", e);
        }
    }

    private static Handle openHandle(Dialect dialect, DataSource dataSource, boolean reader) throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            dialect.configure(connection, reader);
            connection.setAutoCommit(false);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        Jdbi jdbi = Jdbi.create(connection);
        // The store ends every transaction itself; Jdbi must not second-guess it at close.
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        Handle handle = jdbi.open();
        handle.setStatementBuilder(new CachedStatements(CachedStatements.DEFAULT_CAPACITY));
        return handle;
    }

    @Override
    public <T> CompletableFuture<T> write(Function<StoreTransaction, T> work) {
        return writer.submit(work);
    }

    @Override
    public <T> CompletableFuture<T> read(Function<StoreReader, T> work) {
        return readPool.submit(work);
    }

    /** The access keys, certificates and attachments kept in the same database, written by the same writer. */
    public SecurityStore security() {
        return security;
    }

    /** Transactions committed so far; with group commit, far fewer than the writes. */
    public long commitCount() {
        return writer.commitCount();
    }

    /** Units of work run again because they lost a race with another transaction (several nodes). */
    public long rerunCount() {
        return writer.rerunCount();
    }

    /** Whether other nodes may share this database (then notifications travel through the change feed). */
    public boolean shared() {
        return dialect.shared();
    }

    /**
     * Calls {@code onSignal} (on a thread of its own) when another connection committed feed
     * entries, and once each time the listening connection was (re)established, since entries may
     * have been missed meanwhile. Where the database has no such signal nothing is called: poll.
     */
    public AutoCloseable listenForFeed(Runnable onSignal) {
        return dialect.listenForFeed(dataSource, onSignal);
    }

    /** Tells {@code listener} of every commit from now on (one listener; the metrics). */
    public void onCommit(dev.fleetjobs.store.CommitListener listener) {
        writer.onCommit(listener);
    }

    /** Writes accepted and waiting for the writer. */
    public int queuedWrites() {
        return writer.queuedWrites();
    }

    /** @throws IllegalStateException when called from a unit of work or a continuation on the writer thread, which close would wait for forever */
    @Override
    public void close() {
        if (writer.isWriterThread()) {
            throw new IllegalStateException("The store cannot be closed from its own writer thread");
        }
        synchronized (closeLock) {
            if (closed) {
                return;
            }
            closed = true;
            writer.stop();
            readPool.close();
            List<Handle> writerHandles = writer.finalHandles();
            try {
                // Back to auto-commit (ending the writer's empty transaction) so housekeeping such
                // as a checkpoint runs outside any transaction.
                Connection last = writerHandles.get(0).getConnection();
                last.setAutoCommit(true);
                dialect.beforeClose(last);
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Final housekeeping of the database failed; it stays consistent", e);
            }
            writerHandles.forEach(SqlJobStore::closeQuietly);
            closeQuietly(resources);
            LOG.debug("Store closed after {} commits", writer.commitCount());
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("Closing the store's resources failed", e);
        }
    }

    /** Ends the handle and its connection (a Jdbi made over one connection never closes it itself). */
    static void closeQuietly(Handle handle) {
        Connection connection = handle.getConnection();
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            handle.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Ending a database session failed", e);
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing a database connection failed", e);
        }
    }
}
