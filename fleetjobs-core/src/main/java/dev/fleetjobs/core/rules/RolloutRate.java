package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.RolloutState;

/**
 * How many things a rollout offers the job per minute (spec 4.4). Minutes are windows of 60 s
 * that start with the first release after the previous window ended; a window's unused
 * allowance is not carried over, so after a pause (a closed maintenance window, a restart) the
 * rollout resumes at its rate instead of catching up in a burst.
 *
 * <p>An exponential rate starts at {@code baseRatePerMinute} and is multiplied by
 * {@code incrementFactor} each time another {@code numberOfNotifiedThings} things were notified
 * or another {@code numberOfSucceededThings} succeeded, whichever happens first, judged at the
 * start of each window; it is rounded down and capped by {@code maximumPerMinute} (spec
 * UNCONFIRMED 15: the issue asks for the cap).
 * Without {@code maximumPerMinute} the cap is AWS's documented default of 1000.
 */
public final class RolloutRate {

    public static final long WINDOW_MILLIS = 60_000L;
    public static final int DEFAULT_MAXIMUM_PER_MINUTE = 1000;

    /** How many things are released now, and the state after releasing them. */
    public record Release(int count, RolloutState next) {
    }

    private RolloutRate() {
    }

    /** Things per minute once {@code notified} things were notified and {@code succeeded} succeeded. */
    public static int perMinute(RolloutConfig config, long notified, long succeeded) {
        int cap = config.maximumPerMinute() == null ? DEFAULT_MAXIMUM_PER_MINUTE : config.maximumPerMinute();
        ExponentialRate exponential = config.exponentialRate();
        if (exponential == null) {
            return cap;
        }
        long level = Math.max(levels(notified, exponential.numberOfNotifiedThings()), levels(succeeded, exponential.numberOfSucceededThings()));
        double rate = exponential.baseRatePerMinute() * Math.pow(exponential.incrementFactor(), level);
        return (int) Math.max(1, Math.min(cap, Math.floor(rate)));
    }

    private static long levels(long count, Integer step) {
        return step == null ? 0 : count / step;
    }

    /**
     * Releases as many targets as the current window allows at {@code nowMillis}. Without a
     * rollout configuration (a job that only has a schedule) every remaining target is released.
     */
    public static Release release(RolloutConfig config, RolloutState state, long succeeded, long nowMillis) {
        return release(config, state, succeeded, nowMillis, Long.MAX_VALUE);
    }

    /**
     * Releases as {@link #release(RolloutConfig, RolloutState, long, long)} does, but at most
     * {@code limit} things (what a canary stage has room for). With no room at all nothing
     * changes, not even the window: a rollout held at a gate opens no windows.
     */
    public static Release release(RolloutConfig config, RolloutState state, long succeeded, long nowMillis, long limit) {
        long available = Math.min(state.remaining(), Math.max(0, limit));
        if (available == 0) {
            return new Release(0, state);
        }
        if (config == null) {
            int all = (int) Math.min(Integer.MAX_VALUE, available);
            return new Release(all, new RolloutState(state.jobId(), state.notified() + all, state.remaining() - all, nowMillis,
                    all, state.endApplied(), state.dueAtMillis()));
        }
        Long windowStart = state.windowStartMillis();
        long inWindow = state.releasedInWindow();
        if (windowStart == null || nowMillis >= windowStart + WINDOW_MILLIS) {
            windowStart = nowMillis;
            inWindow = 0;
        }
        long rate = perMinute(config, state.notified() - inWindow, succeeded);
        int count = (int) Math.min(available, Math.max(0, rate - inWindow));
        return new Release(count, new RolloutState(state.jobId(), state.notified() + count, state.remaining() - count, windowStart,
                inWindow + count, state.endApplied(), state.dueAtMillis()));
    }

    /** When the next release may happen: the end of the current window, or null when nothing is left to release. */
    public static Long nextReleaseMillis(RolloutState state) {
        if (!state.isReleasing()) {
            return null;
        }
        return state.windowStartMillis() == null ? null : state.windowStartMillis() + WINDOW_MILLIS;
    }
}
