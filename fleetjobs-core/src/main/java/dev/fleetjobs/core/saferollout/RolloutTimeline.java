package dev.fleetjobs.core.saferollout;

import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.rules.JobSchedule;
import dev.fleetjobs.core.rules.RolloutRate;
import dev.fleetjobs.core.rules.Timeouts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When a job would release its things, worked out in advance with the same rules that release
 * them ({@link RolloutRate}, {@link JobSchedule}, {@link CanaryGate}): a dry run's timeline.
 * Two things cannot be known in advance and are assumed: every thing offered succeeds before the
 * next minute (which only an exponential rate on succeeded things cares about), and every canary
 * gate passes the moment its stage is released (in practice the rest waits for the devices).
 */
public final class RolloutTimeline {

    /** At most this many segments are listed; the totals still count everything. */
    public static final int MAX_SEGMENTS = 100;
    private static final long HORIZON_MILLIS = Duration.ofDays(5 * 366).toMillis();
    private static final int MAX_STEPS = 2_000_000;

    /**
     * Releases at one rate in consecutive one-minute windows.
     *
     * @param firstMillis  the first release of the segment
     * @param lastMillis   its last release
     * @param perRelease   things released each time (the last release may hold fewer)
     * @param things       things the segment releases
     * @param gateStage    the canary stage whose things this is (0 for the first), or null for the ordinary rollout
     */
    public record Segment(long firstMillis, long lastMillis, long perRelease, long things, Integer gateStage) {
    }

    /**
     * @param allReleasedAtMillis  when the last thing is released; null when that never happens (see {@code unreleased})
     * @param unreleased           things never released: the schedule ends first, or beyond the five years looked ahead
     * @param canaryStageSizes     the things each canary stage releases, in order
     */
    public record Projection(List<Segment> segments, boolean truncated, Long allReleasedAtMillis, long unreleased,
                             List<Integer> canaryStageSizes) {

        public Projection {
            segments = List.copyOf(segments);
            canaryStageSizes = List.copyOf(canaryStageSizes);
        }
    }

    private final List<Segment> segments = new ArrayList<>();
    private boolean truncated;
    private Segment open;

    private RolloutTimeline() {
    }

    /** How a job of {@code things} things created at {@code nowMillis} releases them. */
    public static Projection project(JobRunConfig config, long things, long nowMillis) {
        return new RolloutTimeline().run(config, things, nowMillis);
    }

    private Projection run(JobRunConfig config, long things, long nowMillis) {
        List<Integer> stageSizes = new ArrayList<>();
        if (config.canary() != null) {
            for (CanaryStage stage : config.canary().stages()) {
                stageSizes.add(CanaryGate.stageSize(stage, things));
            }
        }
        if (!config.offersOverTime() || things == 0) {
            if (things > 0) {
                add(nowMillis, things, null);
            }
            return finish(things == 0 ? null : nowMillis, 0, stageSizes);
        }
        JobSchedule schedule = new JobSchedule(config.schedule());
        RolloutState state = RolloutState.initial("plan", things);
        int stage = 0;
        long stageReleased = 0;
        long t = nowMillis;
        Long lastRelease = null;
        for (int steps = 0; state.isReleasing() && steps < MAX_STEPS && t - nowMillis <= HORIZON_MILLIS; steps++) {
            if (schedule.hasEnded(t)) {
                break;
            }
            if (!schedule.isOpen(t)) {
                Long change = schedule.nextChangeAfter(t);
                if (change == null) {
                    break;
                }
                t = change;
                continue;
            }
            boolean inCanary = stage < stageSizes.size();
            long room = inCanary ? stageSizes.get(stage) - stageReleased : Long.MAX_VALUE;
            RolloutRate.Release release = RolloutRate.release(config.rollout(), state, state.notified(), t, room);
            state = release.next();
            if (release.count() > 0) {
                add(t, release.count(), inCanary ? stage : null);
                lastRelease = t;
                stageReleased += release.count();
                if (inCanary && stageReleased >= stageSizes.get(stage)) {
                    // The gate is taken to open at once: what the window still allows goes out now.
                    stage++;
                    stageReleased = 0;
                    open = null;
                    continue;
                }
            }
            Long next = Timeouts.earlier(RolloutRate.nextReleaseMillis(state), schedule.nextChangeAfter(t));
            if (next == null || next <= t) {
                break;
            }
            t = next;
        }
        return finish(state.isReleasing() ? null : lastRelease, state.remaining(), stageSizes);
    }

    private void add(long atMillis, long count, Integer gateStage) {
        boolean continuesRun = open != null && Objects.equals(open.gateStage(), gateStage)
                && atMillis == open.lastMillis() + RolloutRate.WINDOW_MILLIS && count <= open.perRelease();
        if (continuesRun) {
            Segment extended = new Segment(open.firstMillis(), atMillis, open.perRelease(), open.things() + count, gateStage);
            segments.set(segments.size() - 1, extended);
            // A smaller release (the last things) ends its run.
            open = count < extended.perRelease() ? null : extended;
            return;
        }
        if (segments.size() >= MAX_SEGMENTS) {
            truncated = true;
            open = null;
            return;
        }
        open = new Segment(atMillis, atMillis, count, count, gateStage);
        segments.add(open);
    }

    private Projection finish(Long allReleasedAt, long unreleased, List<Integer> stageSizes) {
        return new Projection(segments, truncated, allReleasedAt, unreleased, stageSizes);
    }
}
