package dev.fleetjobs.server.scheduler;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.server.service.DueWork;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the time-based rules that are due by the job clock: expired timers end their
 * executions (TIMED_OUT), due rollouts and schedules advance. {@link #runOnce()} does all that is
 * due now and returns; the {@link Sweeper} calls it in real time and the dev clock after each
 * move, and tests call it directly. Each execution and job is its own unit of work, so one that
 * fails (it is logged and tried again on the next run) does not hold up the others, and the
 * store's group commit still writes them together.
 */
public final class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    private static final int BATCH = 500;

    private final JobStore store;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder rolloutSteps = new LongAdder();

    public JobScheduler(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Applies every rule due at the clock's current time; returns how many executions and jobs it changed. */
    public int runOnce() {
        running.lock();
        try {
            long now = clock.millis();
            int timedOut = drain(reader -> reader.expiredExecutions(now, BATCH), JobScheduler::executionKey,
                    execution -> store.write(tx -> DueWork.timeOut(tx, execution, now)));
            timeouts.add(timedOut);
            int advanced = drain(reader -> reader.dueRollouts(now, BATCH), jobId -> jobId,
                    jobId -> store.write(tx -> DueWork.advanceRollout(tx, jobId, now)));
            rolloutSteps.add(advanced);
            return timedOut + advanced;
        } finally {
            running.unlock();
        }
    }

    /** Executions this scheduler timed out since it started. */
    public long timeoutsFired() {
        return timeouts.sum();
    }

    /** Rollout steps (due releases of targets, schedule ends) this scheduler ran since it started. */
    public long rolloutStepsFired() {
        return rolloutSteps.sum();
    }

    /** When the next rule falls due, by the job clock. */
    public OptionalLong nextDueMillis() {
        return store.read(StoreReader::nextDueMillis).join();
    }

    public Clock clock() {
        return clock;
    }

    /** Runs the work for every due item, page by page, until a page holds nothing new. */
    private <T> int drain(Function<StoreReader, List<T>> due, Function<T, String> key, Function<T, CompletableFuture<Boolean>> work) {
        int changed = 0;
        Set<String> seen = new HashSet<>();
        while (true) {
            List<T> page = store.read(due).join();
            List<CompletableFuture<Boolean>> submitted = new ArrayList<>();
            for (T item : page) {
                if (seen.add(key.apply(item))) {
                    submitted.add(work.apply(item).exceptionally(failure -> {
                        LOG.warn("A due rule failed for {}; it is tried again on the next run", key.apply(item), unwrap(failure));
                        return false;
                    }));
                }
            }
            for (CompletableFuture<Boolean> result : submitted) {
                if (result.join()) {
                    changed++;
                }
            }
            if (submitted.isEmpty() || page.size() < BATCH) {
                return changed;
            }
        }
    }

    private static String executionKey(JobExecution e) {
        return e.jobId() + "/" + e.thingName() + "#" + e.executionNumber();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
