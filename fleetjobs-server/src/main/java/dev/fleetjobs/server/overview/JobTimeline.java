package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.JobStore;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/** A job's progress over time for charts: its samples ({@link ProgressSampler}) and its counts now. */
public final class JobTimeline {

    /** The timeline and the counts it ends with. */
    public record Result(Job job, JobProgress progress, TimelineSeries series, long toMillis) {
    }

    private final JobStore store;
    private final Clock clock;

    /** @param clock  the job clock: a running job's timeline ends now */
    public JobTimeline(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public CompletableFuture<Result> read(String jobId, int points) {
        return store.read(r -> {
            Job job = r.findJob(jobId).orElseThrow(() -> new ResourceNotFoundException("Job " + jobId + " cannot be found."));
            JobProgress progress = r.progress(jobId);
            long to = Math.max(job.createdAtMillis(), job.completedAtMillis() != null ? job.completedAtMillis() : clock.millis());
            TimelineSeries series = TimelineSeries.of(r.progressSamples(jobId, job.createdAtMillis()), progress, to, points);
            return new Result(job, progress, series, to);
        });
    }
}
