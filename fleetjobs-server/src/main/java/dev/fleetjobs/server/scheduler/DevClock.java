package dev.fleetjobs.server.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * <p>How far the clock was moved is kept in a file of the data directory, so that a restarted
 * server resumes from the moved time instead of going back to the real one (deadlines and
 * rollout windows written on the moved clock would otherwise lie in the future).
 */
public final class DevClock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevClock.class);
    /** A guard against a rule that never stops being due. */
    private static final int MAX_STOPS = 100_000;

    private final SettableClock clock;
    private final JobScheduler scheduler;
    private final Path offsetFile;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "fleetjobs-dev-clock");
        thread.setDaemon(true);
        return thread;
    });

    /** @param offsetFile where the clock's offset is kept across restarts, or null to keep it in memory only */
    public DevClock(SettableClock clock, JobScheduler scheduler, Path offsetFile) {
        this.clock = clock;
        this.scheduler = scheduler;
        this.offsetFile = offsetFile;
    }

    /** Moves {@code clock} by the offset a previous run kept in {@code offsetFile}, if there is one. */
    static void restore(SettableClock clock, Path offsetFile) {
        if (offsetFile == null || !Files.exists(offsetFile)) {
            return;
        }
        try {
            long offset = Long.parseLong(Files.readString(offsetFile).strip());
            clock.advance(Duration.ofMillis(offset - clock.offsetMillis()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring the unreadable dev clock offset in {}: {}", offsetFile, e.toString());
        }
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
        if (offsetFile == null) {
            return;
        }
        try {
            Path written = Files.writeString(offsetFile.resolveSibling(offsetFile.getFileName() + ".tmp"),
                    Long.toString(clock.offsetMillis()));
            Files.move(written, offsetFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the dev clock's offset in " + offsetFile, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
