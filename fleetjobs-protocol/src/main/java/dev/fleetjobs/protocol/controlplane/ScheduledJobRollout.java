package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One upcoming maintenance window opening in DescribeJob's {@code scheduledJobRollouts}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduledJobRollout(String startTime) {
}
