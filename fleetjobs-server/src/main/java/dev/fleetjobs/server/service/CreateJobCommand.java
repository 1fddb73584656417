package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;
import java.util.Map;

/**
 * A CreateJob request, parsed into types (still to be validated).
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param documentParameters        null when none were given
 * @param tags                      null when none were given
 */
public record CreateJobCommand(
        String jobId,
        List<String> targets,
        String document,
        String description,
        TargetSelection targetSelection,
        Long inProgressTimeoutMinutes,
        String jobTemplateArn,
        Map<String, String> documentParameters,
        List<Tag> tags) {
}
