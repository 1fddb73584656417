package dev.fleetjobs.server.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs with a base clock but can be moved: the job clock of {@code --dev} (over the
 * system clock, so time still passes) and of tests (over a fixed clock, so it moves only when
 * told). Listeners hear every move, so that a sleeping sweeper can look again.
 */
public final class SettableClock extends Clock {

    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SettableClock(Clock base) {
        this.base = base;
    }

    /** A clock that runs with {@code base}, moved by nothing yet. */
    public static SettableClock over(Clock base) {
        return new SettableClock(base);
    }

    /** A clock that stands at {@code instant} until it is moved. */
    public static SettableClock fixedAt(Instant instant) {
        return new SettableClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    /** Moves the clock by {@code amount}, which may be negative. */
    public void advance(Duration amount) {
        offsetMillis.addAndGet(amount.toMillis());
        listeners.forEach(Runnable::run);
    }

    /** Moves the clock so that it reads {@code epochMillis} now. */
    public void setMillis(long epochMillis) {
        offsetMillis.set(epochMillis - base.millis());
        listeners.forEach(Runnable::run);
    }

    /** How far the clock has been moved from its base clock. */
    public long offsetMillis() {
        return offsetMillis.get();
    }

    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Job rules read only instants; a clock in another zone would not share the moves, so there is none. */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("A settable clock stays in UTC");
    }
}
