package dev.fleetjobs.protocol.dataplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** No {@code execution} member when {@code $next} finds nothing pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeJobExecutionResponse(JobExecution execution) {
}
