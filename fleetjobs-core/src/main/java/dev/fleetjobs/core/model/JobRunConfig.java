package dev.fleetjobs.core.model;

import java.util.List;

/**
 * How a job runs over time, beyond its in-progress timeout: rollout rate, abort criteria, retry
 * criteria and schedule (spec 4.4). Each part is absent when null or empty.
 */
public record JobRunConfig(
        RolloutConfig rollout,
        List<AbortCriterion> abortCriteria,
        List<RetryCriterion> retryCriteria,
        ScheduleConfig schedule) {

    public static final JobRunConfig NONE = new JobRunConfig(null, List.of(), List.of(), null);

    public JobRunConfig {
        abortCriteria = abortCriteria == null ? List.of() : List.copyOf(abortCriteria);
        retryCriteria = retryCriteria == null ? List.of() : List.copyOf(retryCriteria);
    }

    /** Whether targets are offered over time (a rate or a schedule) rather than all at creation. */
    public boolean offersOverTime() {
        return rollout != null || schedule != null;
    }

    /** Whether executions of the job are offered only inside maintenance windows. */
    public boolean hasMaintenanceWindows() {
        return schedule != null && !schedule.maintenanceWindows().isEmpty();
    }
}
