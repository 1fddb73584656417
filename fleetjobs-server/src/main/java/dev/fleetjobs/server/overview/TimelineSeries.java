package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.store.TimelineEvents;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A job's executions by status over time, rebuilt from when each execution was queued, started
 * and ended: an execution is QUEUED from its queuing, IN_PROGRESS from its start and in its
 * terminal status from its last update (nothing changes a terminal execution). Point {@code b}
 * holds the counts at the end of bucket {@code b}. Deleted executions are not in it.
 *
 * @param stepMillis  the bucket width, from a ladder of round steps so that a page's chart keeps its buckets while it polls
 */
public record TimelineSeries(long fromMillis, long stepMillis, int buckets, Map<ExecutionStatus, long[]> counts) {

    private static final long[] STEPS_SECONDS = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
            86400};

    /** The smallest round step that covers {@code [from, to]} in at most {@code points} buckets. */
    public static long stepFor(long fromMillis, long toMillis, int points) {
        long span = Math.max(1, toMillis - fromMillis);
        for (long seconds : STEPS_SECONDS) {
            if (bucketsFor(span, seconds * 1000) <= points) {
                return seconds * 1000;
            }
        }
        long days = (span / 86_400_000L) / points + 1;
        return days * 86_400_000L;
    }

    static int bucketsFor(long span, long stepMillis) {
        return (int) Math.max(1, (span + stepMillis - 1) / stepMillis);
    }

    /** Accumulates the per-bucket events into counts per status; events past the last bucket count in it. */
    public static TimelineSeries of(List<TimelineEvents> events, long fromMillis, long toMillis, long stepMillis) {
        int buckets = bucketsFor(Math.max(1, toMillis - fromMillis), stepMillis);
        Map<ExecutionStatus, long[]> deltas = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            deltas.put(status, new long[buckets]);
        }
        for (TimelineEvents e : events) {
            int b = (int) Math.min(buckets - 1, Math.max(0, e.bucket()));
            switch (e.kind()) {
                case QUEUED -> deltas.get(ExecutionStatus.QUEUED)[b] += e.count();
                case STARTED -> {
                    deltas.get(ExecutionStatus.QUEUED)[b] -= e.count();
                    deltas.get(ExecutionStatus.IN_PROGRESS)[b] += e.count();
                }
                case ENDED_QUEUED -> {
                    deltas.get(ExecutionStatus.QUEUED)[b] -= e.count();
                    deltas.get(e.endStatus())[b] += e.count();
                }
                case ENDED_STARTED -> {
                    deltas.get(ExecutionStatus.IN_PROGRESS)[b] -= e.count();
                    deltas.get(e.endStatus())[b] += e.count();
                }
            }
        }
        for (long[] series : deltas.values()) {
            for (int i = 1; i < series.length; i++) {
                series[i] += series[i - 1];
            }
        }
        return new TimelineSeries(fromMillis, stepMillis, buckets, deltas);
    }

    /** When point {@code b} stands: the end of its bucket. */
    public long timeOf(int bucket) {
        return fromMillis + (bucket + 1L) * stepMillis;
    }
}
