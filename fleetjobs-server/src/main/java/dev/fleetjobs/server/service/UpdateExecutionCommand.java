package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import java.util.Map;

/**
 * A device's UpdateJobExecution request, already parsed into types (still to be validated).
 *
 * @param statusDetails    null keeps the stored details
 * @param stepTimeoutInMinutes  null keeps the step timer, -1 discards it
 * @param expectedVersion  null means last writer wins
 * @param executionNumber  null means the latest execution
 */
public record UpdateExecutionCommand(
        String thingName,
        String jobId,
        ExecutionStatus status,
        Map<String, String> statusDetails,
        Long stepTimeoutInMinutes,
        Long expectedVersion,
        Long executionNumber,
        boolean includeJobExecutionState,
        boolean includeJobDocument) {
}
