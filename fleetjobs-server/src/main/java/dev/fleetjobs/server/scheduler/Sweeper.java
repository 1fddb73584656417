package dev.fleetjobs.server.scheduler;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that applies time-based rules in real time: it runs the scheduler, then sleeps
 * until the next rule falls due or at most {@code maxSleep}, and wakes early when
 * {@link #wake()} says a nearer due time may have been written (a new deadline, a moved clock).
 * Start and close are idempotent.
 */
public final class Sweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);
    /** Pause after a failed run, or when a rule is still due right after a run (it failed), instead of spinning. */
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final JobScheduler scheduler;
    private final long maxSleepMillis;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private boolean stopped;
    private Thread thread;

    public Sweeper(JobScheduler scheduler, Duration maxSleep) {
        this.scheduler = scheduler;
        this.maxSleepMillis = maxSleep.toMillis();
    }

    public void start() {
        lock.lock();
        try {
            if (thread != null || stopped) {
                return;
            }
            thread = new Thread(this::loop, "fleetjobs-sweeper");
            thread.setDaemon(true);
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    /** Makes the sweeper look at the due times again now. Cheap; safe from any thread. */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (true) {
            long sleepMillis;
            try {
                scheduler.runOnce();
                sleepMillis = untilNextDue();
            } catch (RuntimeException e) {
                LOG.warn("Applying due job rules failed; trying again shortly", e);
                sleepMillis = RETRY_PAUSE_MILLIS;
            }
            if (!sleep(sleepMillis)) {
                return;
            }
        }
    }

    private long untilNextDue() {
        OptionalLong next = scheduler.nextDueMillis();
        if (next.isEmpty()) {
            return maxSleepMillis;
        }
        long wait = next.getAsLong() - scheduler.clock().millis();
        return wait <= 0 ? RETRY_PAUSE_MILLIS : Math.min(wait, maxSleepMillis);
    }

    /** @return false once the sweeper is stopped */
    private boolean sleep(long millis) {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(millis);
            while (!woken && !stopped && nanos > 0) {
                nanos = wakeUp.awaitNanos(nanos);
            }
            woken = false;
            return !stopped;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            wakeUp.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
