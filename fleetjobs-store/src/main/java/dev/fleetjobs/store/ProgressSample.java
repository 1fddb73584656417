package dev.fleetjobs.store;

import dev.fleetjobs.core.rules.JobProgress;
import java.util.Objects;

/** A job's executions by status at one instant: one point of its progress chart. */
public record ProgressSample(String jobId, long sampledAtMillis, JobProgress progress) {

    public ProgressSample {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(progress, "progress");
    }
}
