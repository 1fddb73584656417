package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that writes. It takes every unit of work waiting, runs each in its own savepoint
 * of one transaction and commits once (group commit): one fsync serves the whole batch.
 */
final class Writer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

    private final Handle handle;
    private final Dialect dialect;
    private final int maxBatchSize;
    // Unbounded so that STOP always fits; the semaphore bounds the work callers may queue.
    private final LinkedBlockingQueue<WriteTask<?>> queue = new LinkedBlockingQueue<>();
    private final Semaphore queueSlots;
    // Submitters share it, stop() takes it alone: no write can be accepted after STOP is queued.
    private final ReadWriteLock gate = new ReentrantReadWriteLock();
    private boolean accepting = true;
    private final AtomicLong commits = new AtomicLong();
    private final Thread thread;

    Writer(Handle handle, Dialect dialect, SqlStoreOptions options) {
        this.handle = handle;
        this.dialect = dialect;
        this.maxBatchSize = options.maxBatchSize();
        this.queueSlots = new Semaphore(options.writeQueueCapacity());
        this.thread = new Thread(this, "fleetjobs-store-writer");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
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
                queue.add(WriteTask.STOP);
            }
        } finally {
            gate.writeLock().unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isWriterThread() {
        return Thread.currentThread() == thread;
    }

    long commitCount() {
        return commits.get();
    }

    int queuedWrites() {
        return queue.size();
    }

    @Override
    public void run() {
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
            // STOP is the last element ever queued, so everything before it is in this batch or done.
            stopping = batch.remove(WriteTask.STOP);
            queueSlots.release(batch.size());
            if (!batch.isEmpty()) {
                commitBatch(batch);
            }
            batch.clear();
        }
    }

    private void commitBatch(List<WriteTask<?>> batch) {
        Connection connection = handle.getConnection();
        // prepared once per batch: a savepoint and its release around every unit would otherwise be parsed each time
        try (PreparedStatement savepoint = connection.prepareStatement(Sql.SAVEPOINT);
             PreparedStatement release = connection.prepareStatement(Sql.RELEASE_SAVEPOINT)) {
            for (WriteTask<?> task : batch) {
                savepoint.execute();
                SqlTransaction tx = new SqlTransaction(handle, dialect);
                boolean succeeded = task.run(tx);
                tx.deactivate();
                if (!succeeded) {
                    try (Statement rollback = connection.createStatement()) {
                        rollback.execute(Sql.ROLLBACK_TO_SAVEPOINT);
                    }
                }
                release.execute();
            }
            connection.commit();
        } catch (SQLException | RuntimeException | Error e) {
            LOG.error("A write transaction of {} units of work failed; all of them are refused", batch.size(), e);
            rollbackQuietly(connection);
            StoreUnavailableException unavailable = new StoreUnavailableException("The database failed to commit", e);
            for (WriteTask<?> task : batch) {
                task.failUnlessThrew(unavailable);
            }
            return;
        }
        commits.incrementAndGet();
        for (WriteTask<?> task : batch) {
            task.complete();
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
