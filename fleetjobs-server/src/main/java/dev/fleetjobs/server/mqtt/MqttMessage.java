package dev.fleetjobs.server.mqtt;

/** A notification or event ready to publish. */
record MqttMessage(String topic, byte[] payload) {
}
