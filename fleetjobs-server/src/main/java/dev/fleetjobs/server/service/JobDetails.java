package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;
import java.util.List;

/**
 * A job with the counts of its executions by status.
 *
 * @param concurrent                  {@code isConcurrent}: the job is rolling out executions
 * @param scheduledRolloutStartMillis the next maintenance window openings, at most seven
 */
public record JobDetails(Job job, JobProgress progress, boolean concurrent, List<Long> scheduledRolloutStartMillis) {

    public JobDetails {
        scheduledRolloutStartMillis = List.copyOf(scheduledRolloutStartMillis);
    }

    public JobDetails(Job job, JobProgress progress) {
        this(job, progress, false, List.of());
    }
}
