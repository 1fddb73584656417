package dev.fleetjobs.core.model;

import java.util.Objects;

/**
 * A custom job template: a document and settings that jobs can be created from.
 *
 * @param inProgressTimeoutMinutes  {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 */
public record JobTemplate(
        String jobTemplateId,
        String description,
        String document,
        Long inProgressTimeoutMinutes,
        long createdAtMillis) {

    public JobTemplate {
        Objects.requireNonNull(jobTemplateId, "jobTemplateId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(document, "document");
    }
}
