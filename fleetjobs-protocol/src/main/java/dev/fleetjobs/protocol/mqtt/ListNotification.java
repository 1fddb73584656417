package dev.fleetjobs.protocol.mqtt;

import dev.fleetjobs.protocol.dataplane.JobExecutionSummary;
import java.util.List;
import java.util.Map;

/**
 * {@code .../notify}: the pending executions by status, a key only when its list is not empty,
 * {@code "jobs":{}} when nothing is pending.
 */
public record ListNotification(long timestamp, Map<String, List<JobExecutionSummary>> jobs) {
}
