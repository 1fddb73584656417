package dev.fleetjobs.core.model;

import java.util.List;

/**
 * How a job runs, beyond its in-progress timeout: rollout rate, abort criteria, retry criteria,
 * schedule and the presigned URLs of its document (spec 4.4), and Fleetjobs' own canary stages.
 * Each part is absent when null or empty. Templates hold the same blocks and jobs made from them
 * inherit each one they lack.
 */
public record JobRunConfig(
        RolloutConfig rollout,
        List<AbortCriterion> abortCriteria,
        List<RetryCriterion> retryCriteria,
        ScheduleConfig schedule,
        PresignedUrlConfig presignedUrlConfig,
        CanaryConfig canary) {

    public static final JobRunConfig NONE = new JobRunConfig(null, List.of(), List.of(), null, null, null);

    public JobRunConfig {
        abortCriteria = abortCriteria == null ? List.of() : List.copyOf(abortCriteria);
        retryCriteria = retryCriteria == null ? List.of() : List.copyOf(retryCriteria);
    }

    /** The AWS blocks only, without presigned URLs or canary stages. */
    public JobRunConfig(RolloutConfig rollout, List<AbortCriterion> abortCriteria, List<RetryCriterion> retryCriteria,
                        ScheduleConfig schedule) {
        this(rollout, abortCriteria, retryCriteria, schedule, null, null);
    }

    /** The AWS blocks, without canary stages. */
    public JobRunConfig(RolloutConfig rollout, List<AbortCriterion> abortCriteria, List<RetryCriterion> retryCriteria,
                        ScheduleConfig schedule, PresignedUrlConfig presignedUrlConfig) {
        this(rollout, abortCriteria, retryCriteria, schedule, presignedUrlConfig, null);
    }

    /** The AWS blocks without presigned URLs, and canary stages. */
    public JobRunConfig(RolloutConfig rollout, List<AbortCriterion> abortCriteria, List<RetryCriterion> retryCriteria,
                        ScheduleConfig schedule, CanaryConfig canary) {
        this(rollout, abortCriteria, retryCriteria, schedule, null, canary);
    }

    /** This configuration with its presigned URL block replaced (UpdateJob). */
    public JobRunConfig withPresignedUrlConfig(PresignedUrlConfig config) {
        return new JobRunConfig(rollout, abortCriteria, retryCriteria, schedule, config, canary);
    }

    /**
     * The part of this configuration a job template holds: rollout, abort and retry criteria,
     * presigned URLs, canary stages, and maintenance windows without the one-off start and end
     * times of a schedule.
     */
    public JobRunConfig templatePart() {
        List<RecurringWindow> windows = schedule == null ? List.of() : schedule.maintenanceWindows();
        return new JobRunConfig(rollout, abortCriteria, retryCriteria,
                windows.isEmpty() ? null : new ScheduleConfig(null, null, null, windows), presignedUrlConfig, canary);
    }

    /**
     * This configuration with each block it lacks taken from {@code defaults} (AWS's block-level
     * override for jobs made from a template). Maintenance windows of the defaults join this
     * schedule only when it has none of its own.
     */
    public JobRunConfig withDefaultsFrom(JobRunConfig defaults) {
        return new JobRunConfig(rollout != null ? rollout : defaults.rollout,
                abortCriteria.isEmpty() ? defaults.abortCriteria : abortCriteria,
                retryCriteria.isEmpty() ? defaults.retryCriteria : retryCriteria,
                mergedSchedule(defaults.schedule),
                presignedUrlConfig != null ? presignedUrlConfig : defaults.presignedUrlConfig,
                canary != null ? canary : defaults.canary);
    }

    private ScheduleConfig mergedSchedule(ScheduleConfig defaults) {
        if (schedule == null) {
            return defaults;
        }
        if (defaults == null || !schedule.maintenanceWindows().isEmpty()) {
            return schedule;
        }
        return new ScheduleConfig(schedule.startTime(), schedule.endTime(), schedule.endBehavior(), defaults.maintenanceWindows());
    }

    /** Whether targets are offered over time (a rate, a schedule or canary stages) rather than all at once. */
    public boolean offersOverTime() {
        return rollout != null || schedule != null || canary != null;
    }

    /** Whether executions of the job are offered only inside maintenance windows. */
    public boolean hasMaintenanceWindows() {
        return schedule != null && !schedule.maintenanceWindows().isEmpty();
    }
}
