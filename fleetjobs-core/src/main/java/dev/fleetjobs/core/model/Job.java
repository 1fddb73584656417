package dev.fleetjobs.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A job: one document sent to a set of targets.
 *
 * @param targets                    the target ARNs exactly as given at creation
 * @param inProgressTimeoutMinutes   {@code timeoutConfig.inProgressTimeoutInMinutes}, or null
 * @param createdAtMillis            epoch milliseconds, like every *Millis field
 * @param completedAtMillis          null until the job is COMPLETED or CANCELED
 * @param runConfig                  rollout, abort, retry and scheduling configuration; never null
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
        JobRunConfig runConfig) {

    public Job {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(targetSelection, "targetSelection");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(document, "document");
        targets = List.copyOf(targets);
        runConfig = runConfig == null ? JobRunConfig.NONE : runConfig;
    }

    /** A job without rollout, abort, retry or scheduling configuration. */
    public Job(String jobId, TargetSelection targetSelection, JobStatus status, String document, String description,
               List<String> targets, Long inProgressTimeoutMinutes, boolean forceCanceled, String reasonCode, String comment,
               long createdAtMillis, long lastUpdatedAtMillis, Long completedAtMillis) {
        this(jobId, targetSelection, status, document, description, targets, inProgressTimeoutMinutes, forceCanceled, reasonCode,
                comment, createdAtMillis, lastUpdatedAtMillis, completedAtMillis, JobRunConfig.NONE);
    }

    public boolean isFinished() {
        return status == JobStatus.COMPLETED || status == JobStatus.CANCELED;
    }

    public Job withStatus(JobStatus newStatus, long nowMillis) {
        Long completed = (newStatus == JobStatus.COMPLETED || newStatus == JobStatus.CANCELED) ? Long.valueOf(nowMillis) : completedAtMillis;
        return new Job(jobId, targetSelection, newStatus, document, description, targets, inProgressTimeoutMinutes,
                forceCanceled, reasonCode, comment, createdAtMillis, nowMillis, completed, runConfig);
    }

    public Job canceled(boolean force, String newReasonCode, String newComment, long nowMillis) {
        return new Job(jobId, targetSelection, JobStatus.CANCELED, document, description, targets, inProgressTimeoutMinutes,
                force, newReasonCode, newComment, createdAtMillis, nowMillis, nowMillis, runConfig);
    }
}
