package dev.fleetjobs.server.mqtt;

/** One message to send back to the device that asked: its topic and JSON payload. */
record MqttReply(String topic, byte[] payload, String rejectedCode) {

    MqttReply(String topic, byte[] payload) {
        this(topic, payload, null);
    }
}
