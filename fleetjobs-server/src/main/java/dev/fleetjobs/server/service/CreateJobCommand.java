package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;
import java.util.Map;

/**
 * A CreateJob request, parsed into types (still to be validated).
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param runConfig                 rollout, abort, retry and scheduling configuration; {@link JobRunConfig#NONE} when none is given
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
        JobRunConfig runConfig,
        String jobTemplateArn,
        Map<String, String> documentParameters,
        List<Tag> tags) {

    public CreateJobCommand {
        runConfig = runConfig == null ? JobRunConfig.NONE : runConfig;
    }

    /** A job written out in full, with its run configuration. */
    public CreateJobCommand(String jobId, List<String> targets, String document, String description, TargetSelection targetSelection,
                            Long inProgressTimeoutMinutes, JobRunConfig runConfig) {
        this(jobId, targets, document, description, targetSelection, inProgressTimeoutMinutes, runConfig, null, null, null);
    }

    public CreateJobCommand(String jobId, List<String> targets, String document, String description, TargetSelection targetSelection,
                            Long inProgressTimeoutMinutes) {
        this(jobId, targets, document, description, targetSelection, inProgressTimeoutMinutes, JobRunConfig.NONE);
    }

    /** A job without run configuration, possibly from a template. */
    public CreateJobCommand(String jobId, List<String> targets, String document, String description, TargetSelection targetSelection,
                            Long inProgressTimeoutMinutes, String jobTemplateArn, Map<String, String> documentParameters,
                            List<Tag> tags) {
        this(jobId, targets, document, description, targetSelection, inProgressTimeoutMinutes, JobRunConfig.NONE, jobTemplateArn,
                documentParameters, tags);
    }
}
