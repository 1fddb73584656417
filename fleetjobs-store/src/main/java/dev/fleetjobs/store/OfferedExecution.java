package dev.fleetjobs.store;

import dev.fleetjobs.core.model.JobExecution;

/**
 * A pending execution a device may be offered.
 *
 * @param windowed  whether its job is offered only inside maintenance windows (capped apart in the pending list)
 */
public record OfferedExecution(JobExecution execution, boolean windowed) {
}
