package dev.fleetjobs.protocol.dataplane;

import java.util.List;

/** Both lists are always present, empty or not. */
public record GetPendingJobExecutionsResponse(List<JobExecutionSummary> inProgressJobs, List<JobExecutionSummary> queuedJobs) {
}
