package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.dataplane.JobExecutionState;

/**
 * Every {@code .../rejected} payload (spec 3.4).
 *
 * @param executionState  only for {@code InvalidStateTransition} and {@code VersionMismatch}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejected(String code, String message, String clientToken, long timestamp, JobExecutionState executionState) {
}
