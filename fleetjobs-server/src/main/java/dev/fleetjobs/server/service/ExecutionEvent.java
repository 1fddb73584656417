package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;

/**
 * An execution reached a terminal status or was deleted (the jobs events of AWS IoT).
 *
 * @param operation  the event's name: the terminal status in lower case, or {@code deleted}
 */
public record ExecutionEvent(JobExecution execution, String operation) {
}
