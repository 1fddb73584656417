package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.TimelineEvents;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A job's progress over time for charts. Rebuilding it reads every execution of the job once (in
 * the database, grouped by bucket), so the events are kept per job, step and state of the job's
 * counters: a page polling a job whose executions did not change gets its chart without the
 * database counting again.
 */
public final class JobTimeline {

    private static final int CACHED_JOBS = 64;

    /** The timeline and the counts it ends with. */
    public record Result(Job job, JobProgress progress, TimelineSeries series, long toMillis) {
    }

    private record Key(String jobId, long stepMillis, String fingerprint) {
    }

    private final JobStore store;
    private final Clock clock;
    private final Map<String, Map.Entry<Key, List<TimelineEvents>>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map.Entry<Key, List<TimelineEvents>>> eldest) {
            return size() > CACHED_JOBS;
        }
    };

    /** @param clock  the job clock: a running job's timeline ends now */
    public JobTimeline(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CompletableFuture<Result> read(String jobId, int points) {
        return store.read(r -> {
            Job job = r.findJob(jobId).orElseThrow(() -> new ResourceNotFoundException("Job " + jobId + " cannot be found."));
            JobProgress progress = r.progress(jobId);
            long to = job.completedAtMillis() != null ? job.completedAtMillis() : Math.max(job.createdAtMillis(), clock.millis());
            long step = TimelineSeries.stepFor(job.createdAtMillis(), to, points);
            Key key = new Key(jobId, step, progress.counts() + "@" + job.lastUpdatedAtMillis());
            List<TimelineEvents> events = cached(key);
            if (events == null) {
                events = r.timeline(jobId, job.createdAtMillis(), step);
                remember(key, events);
            }
            return new Result(job, progress, TimelineSeries.of(events, job.createdAtMillis(), to, step), to);
        });
    }

    private synchronized List<TimelineEvents> cached(Key key) {
        Map.Entry<Key, List<TimelineEvents>> entry = cache.get(key.jobId());
        return entry != null && entry.getKey().equals(key) ? entry.getValue() : null;
    }

    private synchronized void remember(Key key, List<TimelineEvents> events) {
        cache.put(key.jobId(), Map.entry(key, events));
    }
}
