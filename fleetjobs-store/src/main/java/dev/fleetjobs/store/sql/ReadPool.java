package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreUnavailableException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Read connections, one per thread of their own executor; each read is one transaction, so one snapshot. */
final class ReadPool {

    private static final Logger LOG = LoggerFactory.getLogger(ReadPool.class);

    private final Dialect dialect;
    private final Writer.HandleSource source;
    private final List<Handle> handles;
    // As many connections as threads, so a running read always finds one idle.
    private final BlockingQueue<Handle> idle;
    private final ThreadPoolExecutor executor;

    ReadPool(List<Handle> handles, Writer.HandleSource source, Dialect dialect, int queueCapacity) {
        this.dialect = dialect;
        this.source = source;
        this.handles = new java.util.concurrent.CopyOnWriteArrayList<>(handles);
        this.idle = new ArrayBlockingQueue<>(handles.size(), false, handles);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(handles.size(), handles.size(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), runnable -> {
                    Thread thread = new Thread(runnable, "fleetjobs-store-reader-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    <T> CompletableFuture<T> submit(Function<StoreReader, T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        try {
            executor.execute(() -> run(work, future));
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new StoreUnavailableException(
                    executor.isShutdown() ? "The store is closed" : "The store's read queue is full"));
        }
        return future;
    }

    private <T> void run(Function<StoreReader, T> work, CompletableFuture<T> future) {
        Handle handle = idle.remove();
        SqlReader reader = new SqlReader(handle, dialect);
        T result = null;
        Throwable failure = null;
        try {
            result = work.apply(reader);
        } catch (Throwable t) {
            failure = t;
        } finally {
            reader.deactivate();
            endSnapshot(handle);
            idle.add(replacedIfLost(handle, failure));
        }
        if (failure != null) {
            future.completeExceptionally(failure);
        } else {
            future.complete(result);
        }
    }

    private static void endSnapshot(Handle handle) {
        try {
            handle.getConnection().rollback();
        } catch (SQLException e) {
            LOG.warn("Ending a read transaction failed", e);
        }
    }

    /** The handle itself, or a new connection in its place when the failure shows the old one is gone. */
    private Handle replacedIfLost(Handle handle, Throwable failure) {
        SQLException cause = failure == null ? null : SqlReader.sqlCause(failure);
        if (cause == null || !dialect.isConnectionLost(cause)) {
            return handle;
        }
        try {
            Handle fresh = source.open();
            handles.remove(handle);
            handles.add(fresh);
            SqlJobStore.closeQuietly(handle);
            LOG.warn("A read connection was lost ({}); replaced it", cause.getMessage());
            return fresh;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("A read connection was lost and the database cannot be reached yet: {}", e.getMessage());
            return handle;
        }
    }

    /** Refuses new reads, lets the accepted ones finish, then closes the connections. */
    void close() {
        executor.shutdown();
        boolean interrupted = false;
        while (!executor.isTerminated()) {
            try {
                executor.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        handles.forEach(SqlJobStore::closeQuietly);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
