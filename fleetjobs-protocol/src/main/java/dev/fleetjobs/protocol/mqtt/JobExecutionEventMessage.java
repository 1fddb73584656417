package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** {@code $aws/events/jobExecution/{jobId}/{operation}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobExecutionEventMessage(
        String eventType,
        String eventId,
        long timestamp,
        String operation,
        String jobId,
        String thingArn,
        String status,
        Map<String, String> statusDetails) {
}
