package dev.fleetjobs.server.service;

import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobStore} that collects what each write does to pending executions (through
 * {@link ExecutionChanges}) and tells a {@link ChangeListener} once the write has committed,
 * in commit order. A unit of work that fails tells nothing. On a database shared by several nodes
 * it hands the changes to a {@link ChangeRecorder} instead, inside the unit's transaction: the
 * database then orders them across nodes.
 */
public final class NotifyingJobStore implements JobStore {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingJobStore.class);

    private record Outcome<T>(T result, CommittedChanges changes, long sequence) {
    }

    private final JobStore delegate;
    private final ChangeListener listener;
    private final ChangeRecorder recorder;
    // Units are numbered on the writer thread, so in commit order; their futures may complete
    // on other threads, so deliveries wait here for their predecessors.
    private long nextSequence;
    private long nextToDeliver;
    private final TreeMap<Long, CommittedChanges> waiting = new TreeMap<>();

    public NotifyingJobStore(JobStore delegate, ChangeListener listener) {
        this(delegate, listener, null);
    }

    private NotifyingJobStore(JobStore delegate, ChangeListener listener, ChangeRecorder recorder) {
        this.delegate = delegate;
        this.listener = listener;
        this.recorder = recorder;
    }

    /** Changes go to {@code recorder} inside each unit's transaction; nothing is told after the commit. */
    public static NotifyingJobStore recording(JobStore delegate, ChangeRecorder recorder) {
        return new NotifyingJobStore(delegate, null, recorder);
    }

    @Override
    public <T> CompletableFuture<T> write(Function<StoreTransaction, T> work) {
        if (recorder != null) {
            return delegate.write(tx -> {
                UnitChanges changes = new UnitChanges();
                tx.attach(UnitChanges.class, changes);
                T result = work.apply(tx);
                CommittedChanges committed = changes.finish(tx);
                if (!committed.isEmpty()) {
                    recorder.record(tx, committed);
                }
                return result;
            });
        }
        long[] sequence = {-1};
        CompletableFuture<T> answer = new CompletableFuture<>();
        delegate.write(tx -> {
            if (sequence[0] < 0) {
                sequence[0] = claimSequence();
            }
            UnitChanges changes = new UnitChanges();
            tx.attach(UnitChanges.class, changes);
            T result = work.apply(tx);
            return new Outcome<>(result, changes.finish(tx), sequence[0]);
        }).whenComplete((outcome, failure) -> {
            if (failure == null) {
                deliver(outcome.sequence(), outcome.changes());
                answer.complete(outcome.result());
            } else {
                if (sequence[0] >= 0) {
                    deliver(sequence[0], null);
                }
                answer.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return answer;
    }

    @Override
    public <T> CompletableFuture<T> read(Function<StoreReader, T> work) {
        return delegate.read(work);
    }

    @Override
    public void close() {
        delegate.close();
    }

    private synchronized long claimSequence() {
        return nextSequence++;
    }

    private synchronized void deliver(long sequence, CommittedChanges changes) {
        waiting.put(sequence, changes == null ? CommittedChanges.NONE : changes);
        while (!waiting.isEmpty() && waiting.firstKey() == nextToDeliver) {
            CommittedChanges next = waiting.pollFirstEntry().getValue();
            nextToDeliver++;
            if (!next.isEmpty()) {
                try {
                    listener.committed(next);
                } catch (RuntimeException e) {
                    LOG.error("A change listener failed; the change itself is committed", e);
                }
            }
        }
    }
}
