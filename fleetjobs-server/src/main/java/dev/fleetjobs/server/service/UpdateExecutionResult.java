package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;

/**
 * What an accepted update answers.
 *
 * @param state        the execution after the update, or null when not asked for
 * @param jobDocument  the document, or null when not asked for
 * @param execution    the execution after the update, always
 */
public record UpdateExecutionResult(JobExecution state, String jobDocument, JobExecution execution) {
}
