package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code $aws/events/job/{jobId}/{operation}}. As in AWS's examples, {@code timestamp} is in
 * epoch seconds while the job's own times are in epoch milliseconds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobEventMessage(
        String eventType,
        String eventId,
        long timestamp,
        String operation,
        String jobId,
        String status,
        String targetSelection,
        List<String> targets,
        String description,
        Long completedAt,
        Long createdAt,
        Long lastUpdatedAt,
        String comment,
        Map<String, Long> jobProcessDetails) {
}
