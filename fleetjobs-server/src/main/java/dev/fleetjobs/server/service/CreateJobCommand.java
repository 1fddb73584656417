package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;

/**
 * A CreateJob request, parsed into types (still to be validated).
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 */
public record CreateJobCommand(
        String jobId,
        List<String> targets,
        String document,
        String description,
        TargetSelection targetSelection,
        Long inProgressTimeoutMinutes) {
}
