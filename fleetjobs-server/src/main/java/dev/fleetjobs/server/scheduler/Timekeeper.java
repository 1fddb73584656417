package dev.fleetjobs.server.scheduler;

import dev.fleetjobs.store.JobStore;
import java.time.Clock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

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
        SettableClock settable = null;
        Clock clock = jobClock;
        if (dev) {
            settable = jobClock instanceof SettableClock s ? s : SettableClock.over(jobClock);
            DevClock.restore(settable, devClockFile);
            clock = settable;
        }
        JobScheduler scheduler = new JobScheduler(store, clock);
        Sweeper sweeper = new Sweeper(scheduler, MAX_SWEEP_INTERVAL);
        DevClock devClock = null;
        if (settable != null) {
            settable.onChange(sweeper::wake);
            devClock = new DevClock(settable, scheduler, devClockFile);
        }
        sweeper.start();
        return new Timekeeper(scheduler, sweeper, devClock);
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
        sweeper.close();
        if (devClock != null) {
            devClock.close();
        }
    }
}
