package dev.fleetjobs.protocol.dataplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** No {@code execution} member when nothing is pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartNextPendingJobExecutionResponse(JobExecution execution) {
}
