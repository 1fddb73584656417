package dev.fleetjobs.core.model;

import dev.fleetjobs.core.schedule.WireDateTime;
import java.util.List;

/**
 * {@code schedulingConfig}. Times are kept as the operator wrote them (DescribeJob echoes them);
 * {@link #startMillis()} and {@link #endMillis()} read them once validation has accepted them.
 *
 * @param endBehavior         applies only when {@code endTime} is set; null means STOP_ROLLOUT
 * @param maintenanceWindows  never null; empty when the job has none
 */
public record ScheduleConfig(String startTime, String endTime, EndBehavior endBehavior, List<RecurringWindow> maintenanceWindows) {

    public ScheduleConfig {
        maintenanceWindows = maintenanceWindows == null ? List.of() : List.copyOf(maintenanceWindows);
    }

    public Long startMillis() {
        return startTime == null ? null : WireDateTime.parseMillis(startTime);
    }

    public Long endMillis() {
        return endTime == null ? null : WireDateTime.parseMillis(endTime);
    }

    public EndBehavior effectiveEndBehavior() {
        return endBehavior == null ? EndBehavior.STOP_ROLLOUT : endBehavior;
    }
}
