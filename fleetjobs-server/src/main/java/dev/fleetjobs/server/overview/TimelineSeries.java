package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.ProgressSample;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A job's executions by status over time, for a chart of at most a given number of points: the
 * job's progress samples put in buckets of a round step, each bucket holding the last sample in
 * it (or the one before, when none fell in it), and the last bucket the counts of now.
 *
 * @param fromMillis  the first sample's time (or now, without samples)
 * @param stepMillis  from a ladder of round steps, so that a polling chart keeps its buckets
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

    /** @param samples  oldest first; {@code now} holds the live counts at {@code toMillis} */
    public static TimelineSeries of(List<ProgressSample> samples, JobProgress now, long toMillis, int points) {
        long from = samples.isEmpty() ? toMillis : Math.min(samples.get(0).sampledAtMillis(), toMillis);
        long step = stepFor(from, toMillis, points);
        int buckets = bucketsFor(Math.max(1, toMillis - from), step);
        JobProgress[] last = new JobProgress[buckets];
        for (ProgressSample sample : samples) {
            int b = (int) Math.min(buckets - 1, Math.max(0, (sample.sampledAtMillis() - from) / step));
            last[b] = sample.progress();
        }
        last[buckets - 1] = now;
        Map<ExecutionStatus, long[]> counts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            counts.put(status, new long[buckets]);
        }
        JobProgress carried = last[0] != null ? last[0] : now;
        for (int b = 0; b < buckets; b++) {
            if (last[b] != null) {
                carried = last[b];
            }
            for (ExecutionStatus status : ExecutionStatus.values()) {
                counts.get(status)[b] = carried.count(status);
            }
        }
        return new TimelineSeries(from, step, buckets, counts);
    }

    /** When point {@code b} stands: the end of its bucket. */
    public long timeOf(int bucket) {
        return fromMillis + (bucket + 1L) * stepMillis;
    }
}
