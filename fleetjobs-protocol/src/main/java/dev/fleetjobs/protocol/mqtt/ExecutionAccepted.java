package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code start-next/accepted} and {@code {jobId}/get/accepted}: no {@code execution} when nothing is pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExecutionAccepted(String clientToken, long timestamp, MqttJobExecution execution) {
}
