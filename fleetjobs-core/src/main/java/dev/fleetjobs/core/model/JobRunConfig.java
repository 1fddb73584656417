package dev.fleetjobs.core.model;

import java.util.List;

/**
 * How a job runs over time, beyond its in-progress timeout: rollout rate, abort criteria, retry
 * criteria and schedule (spec 4.4), and Fleetjobs' own canary stages. Each part is absent when
 * null or empty.
 */
public record JobRunConfig(
        RolloutConfig rollout,
        List<AbortCriterion> abortCriteria,
        List<RetryCriterion> retryCriteria,
        ScheduleConfig schedule,
        CanaryConfig canary) {

    public static final JobRunConfig NONE = new JobRunConfig(null, List.of(), List.of(), null, null);

    public JobRunConfig {
        abortCriteria = abortCriteria == null ? List.of() : List.copyOf(abortCriteria);
        retryCriteria = retryCriteria == null ? List.of() : List.copyOf(retryCriteria);
    }

    /** The AWS blocks only, without canary stages. */
    public JobRunConfig(RolloutConfig rollout, List<AbortCriterion> abortCriteria, List<RetryCriterion> retryCriteria,
                        ScheduleConfig schedule) {
        this(rollout, abortCriteria, retryCriteria, schedule, null);
    }

    /**
     * The part of this configuration a job template holds: rollout, abort and retry criteria,
     * canary stages, and maintenance windows without the one-off start and end times of a schedule.
     */
    public JobRunConfig templatePart() {
        List<RecurringWindow> windows = schedule == null ? List.of() : schedule.maintenanceWindows();
        return new JobRunConfig(rollout, abortCriteria, retryCriteria,
                windows.isEmpty() ? null : new ScheduleConfig(null, null, null, windows), canary);
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
