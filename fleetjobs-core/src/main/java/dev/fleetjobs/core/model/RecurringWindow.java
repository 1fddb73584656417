package dev.fleetjobs.core.model;

/**
 * One of {@code schedulingConfig.maintenanceWindows}: executions are offered only while a window is open.
 *
 * @param startTime          an AWS cron expression, {@code cron(min hour day-of-month month day-of-week year)}, in UTC
 * @param durationInMinutes  1 to 1430
 */
public record RecurringWindow(String startTime, Integer durationInMinutes) {
}
