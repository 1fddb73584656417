package dev.fleetjobs.server.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.fleetjobs.server.http.Json;

/** Payloads to JSON bytes with the edge's one mapper. */
final class MqttJson {

    private MqttJson() {
    }

    static byte[] write(Object payload) {
        try {
            return Json.MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A payload record could not be written as JSON", e);
        }
    }
}
