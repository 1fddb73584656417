package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;

/**
 * A CreateJob request, parsed into types (still to be validated).
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param runConfig                 rollout, abort, retry and scheduling configuration; {@link JobRunConfig#NONE} when none is given
 */
public record CreateJobCommand(
        String jobId,
        List<String> targets,
        String document,
        String description,
        TargetSelection targetSelection,
        Long inProgressTimeoutMinutes,
        JobRunConfig runConfig) {

    public CreateJobCommand {
        runConfig = runConfig == null ? JobRunConfig.NONE : runConfig;
    }

    public CreateJobCommand(String jobId, List<String> targets, String document, String description, TargetSelection targetSelection,
                            Long inProgressTimeoutMinutes) {
        this(jobId, targets, document, description, targetSelection, inProgressTimeoutMinutes, JobRunConfig.NONE);
    }
}
