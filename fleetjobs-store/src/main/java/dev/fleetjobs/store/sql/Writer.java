package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.CommitListener;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads that write, each on its own connection. A thread takes every unit of work waiting
 * (up to the batch size), runs each in its own savepoint of one transaction and commits once
 * (group commit): one fsync serves the whole batch. SQLite has one such thread; on a database
 * that takes concurrent writers there may be several, and a unit that lost a race with another
 * transaction runs again.
 */
final class Writer {

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);
    /** Runs of a unit that keeps losing races before it fails with what it threw last. */
    static final int MAX_RUNS = 16;

    private final HandleSource handles;
    private final Dialect dialect;
    private final int maxBatchSize;
    // Unbounded so that the STOP markers always fit; the semaphore bounds the work callers may queue.
    private final LinkedBlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
    private final Semaphore queueSlots;
    // Submitters share it, stop() takes it alone: no write can be accepted after STOP is queued.
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean accepting = true;
    private volatile boolean stopRequested;
    private final AtomicLong commits = new AtomicLong();
    private volatile CommitListener commitListener = CommitListener.NONE;
    private final AtomicLong reruns = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Thread> threadSet = ConcurrentHashMap.newKeySet();

    /** Opens a writer connection, set up by the dialect, to replace one that broke. */
    @FunctionalInterface
    interface HandleSource {
        Handle open() throws SQLException;
    }

    Writer(List<Handle> initial, HandleSource handles, Dialect dialect, SqlStoreOptions options) {
        this.handles = handles;
        this.dialect = dialect;
        this.maxBatchSize = options.maxBatchSize();
        this.queueSlots = new Semaphore(options.writeQueueCapacity());
        for (int i = 0; i < initial.size(); i++) {
            Handle handle = initial.get(i);
            Thread thread = new Thread(() -> run(handle), initial.size() == 1 ? "fleetjobs-store-writer" : "fleetjobs-store-writer-" + (i + 1));
            thread.setDaemon(true);
            threads.add(thread);
            threadSet.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    <T> CompletableFuture<T> submit(Function<StoreTransaction, T> work) {
        if (isWriterThread()) {
            // A write from inside a write (or from a continuation the writer runs) would wait
            // for the writer forever; refuse it so the mistake shows instead of a hang.
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "A write cannot be submitted from the store's writer thread"));
        }
        WriteTask<T> task = new WriteTask<>(work);
        gate.readLock().lock();
        try {
            if (!accepting) {
                return CompletableFuture.failedFuture(new StoreUnavailableException("The store is closed"));
            }
            if (!queueSlots.tryAcquire()) {
                return CompletableFuture.failedFuture(new StoreUnavailableException("The store's write queue is full"));
            }
            queue.add(task);
        } finally {
            gate.readLock().unlock();
        }
        return task.future;
    }

    /** Stops accepting work and returns once every accepted unit of work has been committed or failed. */
    void stop() {
        gate.writeLock().lock();
        try {
            if (accepting) {
                accepting = false;
                stopRequested = true;
                threads.forEach(t -> queue.add(WriteTask.STOP));
            }
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isWriterThread() {
        return threadSet.contains(Thread.currentThread());
    }

    void onCommit(CommitListener listener) {
        this.commitListener = listener;
    }

    long commitCount() {
        return commits.get();
    }

    /** Units of work run again after losing a race. */
    long rerunCount() {
        return reruns.get();
    }

    int queuedWrites() {
        return queue.size();
    }

    /** The writer connections left when the threads stopped, for the caller to close. */
    private final List<Handle> finalHandles = new ArrayList<>();

    synchronized List<Handle> finalHandles() {
        return List.copyOf(finalHandles);
    }

    private void run(Handle initial) {
        Handle handle = initial;
        List<WriteTask<?>> batch = new ArrayList<>(maxBatchSize);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Only close() ends the writer: accepted work must still be committed.
                continue;
            }
            queue.drainTo(batch, maxBatchSize - 1);
            // Every STOP is queued after the last unit of work, so what comes before it is in
            // this batch or done; a STOP meant for another thread goes back for it.
            int stops = 0;
            while (batch.remove(WriteTask.STOP)) {
                stops++;
            }
            for (int extra = 1; extra < stops; extra++) {
                queue.add(WriteTask.STOP);
            }
            stopping = stops > 0;
            queueSlots.release(batch.size());
            if (!batch.isEmpty()) {
                long started = System.nanoTime();
                handle = batch.size() == 1 ? commitAlone(handle, batch.get(0)) : commitBatch(handle, batch);
                commitListener.committed(batch.size(), System.nanoTime() - started);
            }
            batch.clear();
        }
        synchronized (this) {
            finalHandles.add(handle);
        }
    }

    /** One unit in a transaction of its own: nothing to roll back to but the start, and it runs again when it lost a race. */
    private Handle commitAlone(Handle handle, WriteTask<?> task) {
        Connection connection = handle.getConnection();
        for (int run = 1; ; run++) {
            SqlTransaction tx = new SqlTransaction(handle, dialect);
            boolean succeeded = task.run(tx);
            try {
                if (succeeded) {
                    tx.finishUnit();
                    connection.commit();
                    commits.incrementAndGet();
                    task.complete();
                    return handle;
                }
                connection.rollback();
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                if (run < MAX_RUNS && lostRace(e)) {
                    again(task, run);
                    continue;
                }
                LOG.error("A write transaction failed; its unit of work is refused", e);
                task.failUnlessThrew(new StoreUnavailableException("The database failed to commit", e));
                return healthy(handle, e);
            } finally {
                tx.deactivate();
            }
            if (run < MAX_RUNS && task.lostRace(dialect)) {
                again(task, run);
                continue;
            }
            task.complete();
            return healthy(handle, task.failure());
        }
    }

    private Handle commitBatch(Handle handle, List<WriteTask<?>> batch) {
        Connection connection = handle.getConnection();
        // prepared once per batch: a savepoint and its release around every unit would otherwise be parsed each time
        try (PreparedStatement savepoint = connection.prepareStatement(Sql.SAVEPOINT);
             PreparedStatement release = connection.prepareStatement(Sql.RELEASE_SAVEPOINT);
             Statement control = connection.createStatement()) {
            for (WriteTask<?> task : batch) {
                for (int run = 1; ; run++) {
                    savepoint.execute();
                    SqlTransaction tx = new SqlTransaction(handle, dialect);
                    boolean succeeded = task.run(tx);
                    if (succeeded) {
                        try {
                            tx.finishUnit();
                        } catch (RuntimeException e) {
                            task.failWith(e);
                            succeeded = false;
                        }
                    }
                    tx.deactivate();
                    if (!succeeded) {
                        control.execute(Sql.ROLLBACK_TO_SAVEPOINT);
                    }
                    release.execute();
                    if (succeeded || run >= MAX_RUNS || !task.lostRace(dialect)) {
                        break;
                    }
                    again(task, run);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            LOG.error("A write transaction of {} units of work failed; all of them are refused", batch.size(), e);
            rollbackQuietly(connection);
            StoreUnavailableException unavailable = new StoreUnavailableException("The database failed to commit", e);
            for (WriteTask<?> task : batch) {
                task.failUnlessThrew(unavailable);
            }
            return healthy(handle, e);
        }
        commits.incrementAndGet();
        for (WriteTask<?> task : batch) {
            task.complete();
        }
        return handle;
    }

    /** Forgets the lost run and waits a little, a random time, so that the racers do not meet again at once. */
    private void again(WriteTask<?> task, int run) {
        reruns.incrementAndGet();
        task.reset();
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(100_000, 1_000_000L * run));
    }

    private boolean lostRace(Throwable e) {
        SQLException cause = SqlReader.sqlCause(e);
        return e instanceof LostRaceException || (cause != null && dialect.isTransient(cause));
    }

    /** The handle to go on with: the same one, or a new connection when the failure shows the old one is gone. */
    private Handle healthy(Handle handle, Throwable failure) {
        SQLException cause = failure == null ? null : SqlReader.sqlCause(failure);
        if (cause == null || !dialect.isConnectionLost(cause)) {
            return handle;
        }
        LOG.warn("The writer's database connection was lost ({}); opening a new one", cause.getMessage());
        SqlJobStore.closeQuietly(handle);
        for (int attempt = 0; ; attempt++) {
            try {
                return handles.open();
            } catch (SQLException | RuntimeException e) {
                if (stopRequested && attempt >= 3) {
                    return handle;
                }
                LOG.warn("Cannot reach the database yet: {}", e.getMessage());
                LockSupport.parkNanos(Math.min(5_000L, 100L << Math.min(attempt, 6)) * 1_000_000L);
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.error("Rolling back the failed write transaction failed too", e);
        }
    }
}
