package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import java.util.List;

/** A thing's pending executions, each list in the order devices are offered them. */
public record PendingExecutions(List<JobExecution> inProgress, List<JobExecution> queued) {
}
