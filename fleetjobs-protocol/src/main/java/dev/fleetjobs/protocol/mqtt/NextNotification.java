package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code .../notify-next}: the new head, or only the timestamp when nothing is pending. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NextNotification(long timestamp, MqttJobExecution execution) {
}
