package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;

/**
 * An execution as a device sees it.
 *
 * @param jobDocument                       the job's document, or null when it was not asked for
 * @param approximateSecondsBeforeTimedOut  seconds left before the service times the execution out, or null when no timer runs
 */
public record ExecutionView(JobExecution execution, String jobDocument, Long approximateSecondsBeforeTimedOut) {
}
