package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;

/**
 * An execution as a device sees it.
 *
 * @param jobDocument  the job's document, or null when it was not asked for
 */
public record ExecutionView(JobExecution execution, String jobDocument) {
}
