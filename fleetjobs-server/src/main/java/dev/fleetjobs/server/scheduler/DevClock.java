package dev.fleetjobs.server.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /_dev/clock}: moves the job clock forward as if the time had passed. The clock
 * stops at every due time on the way and the rules due then are applied at their own time, so a
 * rollout of one thing a minute offers ten things when the clock moves ten minutes, and a retry
 * created on the way can itself time out before the target time.
 *
 * <p>How far the clock was moved is kept (a file of the data directory, or the shared database),
 * so that a restarted server resumes from the moved time instead of going back to the real one
 * (deadlines and rollout windows written on the moved clock would otherwise lie in the future).
 * On a shared database every node {@link #follow() follows} the offset another node moved.
 */
public final class DevClock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevClock.class);
    /** A guard against a rule that never stops being due. */
    private static final int MAX_STOPS = 100_000;

    private final SettableClock clock;
    private final JobScheduler scheduler;
    private final ClockOffsets offsets;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fleetjobs-dev-clock");
        thread.setDaemon(true);
        return thread;
    });

    /** @param offsetFile where the clock's offset is kept across restarts, or null to keep it in memory only */
    public DevClock(SettableClock clock, JobScheduler scheduler, Path offsetFile) {
        this(clock, scheduler, offsetFile == null ? ClockOffsets.NONE : new FileClockOffsets(offsetFile));
    }

    public DevClock(SettableClock clock, JobScheduler scheduler, ClockOffsets offsets) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.offsets = offsets;
    }

    /** Moves {@code clock} by the offset kept by a previous run, if there is one. */
    static void restore(SettableClock clock, ClockOffsets offsets) {
        offsets.load().ifPresent(offset -> clock.advance(Duration.ofMillis(offset - clock.offsetMillis())));
    }

    /**
     * Takes the offset another node moved the shared clock to; between this node's own moves, so
     * that a walk to a target is never pulled back. The rules then due are the sweeper's.
     */
    public CompletableFuture<Void> follow() {
        return CompletableFuture.runAsync(() -> restore(clock, offsets), worker);
    }

    /** Completes with the clock's time in epoch milliseconds once every rule due by then was applied; off the caller's thread. */
    public CompletableFuture<Long> advance(long seconds) {
        return CompletableFuture.supplyAsync(() -> advanceNow(seconds), worker);
    }

    private long advanceNow(long seconds) {
        if (seconds == 0) {
            return clock.millis();
        }
        long target = clock.millis() + seconds * 1000L;
        for (int stops = 0; stops < MAX_STOPS; stops++) {
            OptionalLong due = scheduler.nextDueMillis();
            if (due.isEmpty() || due.getAsLong() > target) {
                break;
            }
            if (due.getAsLong() > clock.millis()) {
                clock.setMillis(due.getAsLong());
            }
            if (scheduler.runOnce() == 0 && scheduler.nextDueMillis().equals(due)) {
                LOG.warn("A rule due at {} could not be applied; moving on to the target time", due.getAsLong());
                break;
            }
        }
        if (target > clock.millis()) {
            clock.setMillis(target);
        }
        save();
        scheduler.runOnce();
        return clock.millis();
    }

    private void save() {
        offsets.save(clock.offsetMillis());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
