package dev.fleetjobs.server.scheduler;

import dev.fleetjobs.store.JobStore;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * Everything that keeps job time for one server: the scheduler, the sweeper thread that runs it in
 * real time, and with {@code --dev} the movable clock. Overdue rules (a timer that expired while
 * the server was down) are applied as soon as it starts.
 */
public final class Timekeeper implements AutoCloseable {

    /** The sweeper looks at the store at least this often, even when nothing is due sooner. */
    public static final Duration MAX_SWEEP_INTERVAL = Duration.ofSeconds(5);

    private final JobScheduler scheduler;
    private final Sweeper sweeper;
    private final DevClock devClock;
    private ScheduledExecutorService follower;
    /** How often a node of a shared database looks whether another node moved the dev clock. */
    static final long FOLLOW_INTERVAL_MILLIS = 200;

    private Timekeeper(JobScheduler scheduler, Sweeper sweeper, DevClock devClock) {
        this.scheduler = scheduler;
        this.sweeper = sweeper;
        this.devClock = devClock;
    }

    /**
     * The clock of job rules for a server: with {@code dev}, the movable clock {@link #start} will use, so that what
     * is made before the timekeeper (MQTT notifications) reads the same clock as the rules.
     */
    public static Clock jobClock(Clock given, boolean dev) {
        return dev && !(given instanceof SettableClock) ? SettableClock.over(given) : given;
    }

    /**
     * @param jobClock      the clock of job rules; with {@code dev} it becomes (or already is) a {@link SettableClock}
     * @param devClockFile  with {@code dev}, where the clock's offset is kept across restarts (null: not kept)
     */
    public static Timekeeper start(JobStore store, Clock jobClock, boolean dev, Path devClockFile) {
        return start(store, jobClock, dev, devClockFile == null ? ClockOffsets.NONE : new FileClockOffsets(devClockFile), false);
    }

    /**
     * @param offsets  where the dev clock's offset is kept
     * @param shared   whether other nodes move the same clock: then this one looks for their moves a few times a second
     */
    public static Timekeeper start(JobStore store, Clock jobClock, boolean dev, ClockOffsets offsets, boolean shared) {
        SettableClock settable = null;
        Clock clock = jobClock;
        if (dev) {
            settable = jobClock instanceof SettableClock s ? s : SettableClock.over(jobClock);
            DevClock.restore(settable, offsets);
            clock = settable;
        }
        JobScheduler scheduler = new JobScheduler(store, clock);
        Sweeper sweeper = new Sweeper(scheduler, MAX_SWEEP_INTERVAL);
        DevClock devClock = null;
        if (settable != null) {
            settable.onChange(sweeper::wake);
            devClock = new DevClock(settable, scheduler, offsets);
        }
        sweeper.start();
        Timekeeper timekeeper = new Timekeeper(scheduler, sweeper, devClock);
        if (devClock != null && shared) {
            timekeeper.followOtherNodes(devClock);
        }
        return timekeeper;
    }

    private void followOtherNodes(DevClock devClock) {
        follower = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fleetjobs-dev-clock-follower");
            thread.setDaemon(true);
            return thread;
        });
        follower.scheduleWithFixedDelay(() -> {
            try {
                devClock.follow().join();
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(Timekeeper.class).debug("Reading the shared dev clock failed: {}", e.toString());
            }
        }, FOLLOW_INTERVAL_MILLIS, FOLLOW_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The clock every job rule reads. */
    public Clock clock() {
        return scheduler.clock();
    }

    /** Tells the sweeper that a nearer due time may have been written. */
    public void wake() {
        sweeper.wake();
    }

    public JobScheduler scheduler() {
        return scheduler;
    }

    /** The movable clock of {@code --dev}; empty otherwise. */
    public Optional<DevClock> devClock() {
        return Optional.ofNullable(devClock);
    }

    @Override
    public void close() {
        if (follower != null) {
            follower.shutdownNow();
        }
        sweeper.close();
        if (devClock != null) {
            devClock.close();
        }
    }
}
