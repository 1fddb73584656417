package dev.fleetjobs.core.model;

import java.util.Objects;

/**
 * A custom job template: a document and settings that jobs can be created from.
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param runConfig                 rollout, abort, retry and maintenance windows (a schedule with only
 *                                  windows); {@link JobRunConfig#NONE} when it has none
 */
public record JobTemplate(
        String jobTemplateId,
        String description,
        String document,
        Long inProgressTimeoutMinutes,
        JobRunConfig runConfig,
        long createdAtMillis) {

    public JobTemplate {
        Objects.requireNonNull(jobTemplateId, "jobTemplateId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(runConfig, "runConfig");
    }
}
