package dev.fleetjobs.server.service;

import dev.fleetjobs.store.JobStore;
import java.time.Clock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the background work on jobs (rollouts of large groups, cancels, deletes) one batch per
 * write, so requests interleave with it and memory holds one batch at most. Work is stored, so
 * whatever a stop interrupts resumes at the next start. Services {@link #kick()} it when they
 * leave work behind; it also looks by itself now and then.
 */
public final class JobWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final long IDLE_LOOK_MILLIS = 30_000;
    private static final long BACKOFF_SECONDS = 1;

    private final JobStore store;
    private final Clock clock;
    private final JobWorkSteps steps;
    private final int batchSize;
    private final Runnable afterBatch;
    private volatile long idleLookMillis = IDLE_LOOK_MILLIS;
    private final Semaphore signal = new Semaphore(0);
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private volatile boolean paused;
    private Thread thread;

    public JobWorker(JobStore store, Clock clock, Arns arns, int batchSize) {
        this(store, clock, arns, batchSize, () -> { });
    }

    /**
     * @param afterBatch called after each background batch is committed: a batch may have given a
     *                   job's rollout new things to offer, whose next step the scheduler must see
     */
    public JobWorker(JobStore store, Clock clock, Arns arns, int batchSize, Runnable afterBatch) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        this.store = store;
        this.clock = clock;
        this.steps = new JobWorkSteps(arns);
        this.batchSize = batchSize;
        this.afterBatch = afterBatch;
    }

    /**
     * How long the worker waits, when it has nothing to do and is not kicked, before it looks for
     * work again: on a shared database, work another node leaves (or a dead node left) is only
     * found by looking.
     */
    public JobWorker lookingEvery(java.time.Duration interval) {
        idleLookMillis = interval.toMillis();
        return this;
    }

    /** The most things or executions one batch handles, in the background and inline in a request. */
    public int batchSize() {
        return batchSize;
    }

    JobWorkSteps steps() {
        return steps;
    }

    /** Starts the background thread; idempotent. Work left by an earlier run is picked up at once. */
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "fleetjobs-job-worker");
            thread.setDaemon(true);
            thread.start();
            kick();
        }
    }

    /** Tells the worker that there is work. */
    public void kick() {
        signal.release();
    }

    /** Wakes the worker when the write left work behind, and passes its answer on. */
    <T> T wakeFor(WithWork<T> outcome) {
        if (outcome.workLeft()) {
            kick();
        }
        return outcome.result();
    }

    /** Holds the background work after the batch under way, until {@link #resume()}; requests still do their inline part. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
        kick();
    }

    /** Runs one batch of the work whose turn it is, on the calling thread; false when there was no work. */
    public boolean runOnce() {
        boolean ran = store.write(tx -> tx.nextJobWork().map(work -> {
            steps.step(tx, work, batchSize, clock.millis());
            return true;
        }).orElse(false)).join();
        if (ran) {
            afterBatch.run();
        }
        return ran;
    }

    private void loop() {
        while (running) {
            try {
                if (paused || !runOnce()) {
                    signal.tryAcquire(idleLookMillis, TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Background work on jobs failed; retrying: {}", e.toString());
                try {
                    signal.tryAcquire(BACKOFF_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops after the batch under way; idempotent. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            stopping = thread;
        }
        signal.release();
        boolean interrupted = false;
        while (stopping.isAlive()) {
            try {
                stopping.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
