package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;

/** A job with the counts of its executions by status. */
public record JobDetails(Job job, JobProgress progress) {
}
