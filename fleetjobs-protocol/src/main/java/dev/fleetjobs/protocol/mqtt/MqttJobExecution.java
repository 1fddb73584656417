package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.Map;

/**
 * {@code JobExecution} as MQTT carries it: like the HTTP data plane, but the job document is the
 * embedded JSON object itself, not a string, and {@code thingName} is left out as in every
 * captured AWS payload (spec 3.3).
 *
 * @param jobDocument  the document's JSON text, written as is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MqttJobExecution(
        String jobId,
        String status,
        Map<String, String> statusDetails,
        Long queuedAt,
        Long startedAt,
        Long lastUpdatedAt,
        Long versionNumber,
        Long executionNumber,
        @JsonRawValue String jobDocument) {
}
