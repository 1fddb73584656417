package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;

/**
 * A job ended or started to end (the jobs events of AWS IoT).
 *
 * @param operation  {@code completed}, {@code cancellation_in_progress}, {@code canceled}, ...
 * @param progress   the job's execution counts when it happened
 */
public record JobEvent(Job job, String operation, JobProgress progress) {
}
