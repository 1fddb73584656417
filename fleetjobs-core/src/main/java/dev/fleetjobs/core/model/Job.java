package dev.fleetjobs.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job: one document sent to a set of targets.
 *
 * @param targets                    the target ARNs exactly as given at creation
 * @param inProgressTimeoutMinutes   {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param createdAtMillis            epoch milliseconds, like every *Millis field
 * @param completedAtMillis          null until the job is COMPLETED or CANCELED
 * @param runConfig                  rollout, abort, retry and scheduling configuration; never null
 * @param jobTemplateArn             the template the job was created from, or null
 * @param documentParameters         the values put into the document's {@code ${aws:iot:parameter:...}} placeholders; empty when none
 * @param documentBeforeSubstitution the document as written, placeholders included, when parameters were substituted; otherwise null
 */
public record Job(
        String jobId,
        TargetSelection targetSelection,
        JobStatus status,
        String document,
        String description,
        List<String> targets,
        Long inProgressTimeoutMinutes,
        boolean forceCanceled,
        String reasonCode,
        String comment,
        long createdAtMillis,
        long lastUpdatedAtMillis,
        Long completedAtMillis,
        JobRunConfig runConfig,
        String jobTemplateArn,
        Map<String, String> documentParameters,
        String documentBeforeSubstitution) {

    public Job {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(targetSelection, "targetSelection");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(document, "document");
        targets = List.copyOf(targets);
        runConfig = runConfig == null ? JobRunConfig.NONE : runConfig;
        documentParameters = documentParameters == null ? Map.of() : Map.copyOf(documentParameters);
    }

    /** A job written out in full, not made from a template. */
    public Job(String jobId, TargetSelection targetSelection, JobStatus status, String document, String description,
               List<String> targets, Long inProgressTimeoutMinutes, boolean forceCanceled, String reasonCode, String comment,
               long createdAtMillis, long lastUpdatedAtMillis, Long completedAtMillis, JobRunConfig runConfig) {
        this(jobId, targetSelection, status, document, description, targets, inProgressTimeoutMinutes, forceCanceled, reasonCode,
                comment, createdAtMillis, lastUpdatedAtMillis, completedAtMillis, runConfig, null, Map.of(), null);
    }

    /** A job without rollout, abort, retry or scheduling configuration, not made from a template. */
    public Job(String jobId, TargetSelection targetSelection, JobStatus status, String document, String description,
               List<String> targets, Long inProgressTimeoutMinutes, boolean forceCanceled, String reasonCode, String comment,
               long createdAtMillis, long lastUpdatedAtMillis, Long completedAtMillis) {
        this(jobId, targetSelection, status, document, description, targets, inProgressTimeoutMinutes, forceCanceled, reasonCode,
                comment, createdAtMillis, lastUpdatedAtMillis, completedAtMillis, JobRunConfig.NONE);
    }

    /** The document as written: with its placeholders when parameters were substituted into it. */
    public String rawDocument() {
        return documentBeforeSubstitution == null ? document : documentBeforeSubstitution;
    }

    public boolean isFinished() {
        return status == JobStatus.COMPLETED || status == JobStatus.CANCELED;
    }

    public Job withStatus(JobStatus newStatus, long nowMillis) {
        Long completed = (newStatus == JobStatus.COMPLETED || newStatus == JobStatus.CANCELED) ? Long.valueOf(nowMillis) : completedAtMillis;
        return new Job(jobId, targetSelection, newStatus, document, description, targets, inProgressTimeoutMinutes,
                forceCanceled, reasonCode, comment, createdAtMillis, nowMillis, completed, runConfig, jobTemplateArn,
                documentParameters, documentBeforeSubstitution);
    }

    public Job canceled(boolean force, String newReasonCode, String newComment, long nowMillis) {
        return new Job(jobId, targetSelection, JobStatus.CANCELED, document, description, targets, inProgressTimeoutMinutes,
                force, newReasonCode, newComment, createdAtMillis, nowMillis, nowMillis, runConfig, jobTemplateArn,
                documentParameters, documentBeforeSubstitution);
    }

    /** The job after UpdateJob: the description and the in-progress timeout are all that may change here. */
    public Job updated(String newDescription, Long newInProgressTimeoutMinutes, long nowMillis) {
        return new Job(jobId, targetSelection, status, document, newDescription, targets, newInProgressTimeoutMinutes,
                forceCanceled, reasonCode, comment, createdAtMillis, nowMillis, completedAtMillis, runConfig, jobTemplateArn,
                documentParameters, documentBeforeSubstitution);
    }

    /** The job with another run configuration (UpdateJob's presignedUrlConfig). */
    public Job withRunConfig(JobRunConfig newRunConfig) {
        return new Job(jobId, targetSelection, status, document, description, targets, inProgressTimeoutMinutes,
                forceCanceled, reasonCode, comment, createdAtMillis, lastUpdatedAtMillis, completedAtMillis, newRunConfig,
                jobTemplateArn, documentParameters, documentBeforeSubstitution);
    }

    /** The job with more targets (AssociateTargetsWithJob); {@code why} becomes the comment when given. */
    public Job withTargets(List<String> newTargets, String why, long nowMillis) {
        return new Job(jobId, targetSelection, status, document, description, newTargets, inProgressTimeoutMinutes,
                forceCanceled, reasonCode, why == null ? comment : why, createdAtMillis, nowMillis, completedAtMillis, runConfig,
                jobTemplateArn, documentParameters, documentBeforeSubstitution);
    }
}
