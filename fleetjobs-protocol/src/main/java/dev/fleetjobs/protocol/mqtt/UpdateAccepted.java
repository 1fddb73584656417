package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.fleetjobs.protocol.dataplane.JobExecutionState;

/** {@code {jobId}/update/accepted}: the state and document only when asked for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UpdateAccepted(String clientToken, long timestamp, JobExecutionState executionState,
                             @JsonRawValue String jobDocument) {
}
