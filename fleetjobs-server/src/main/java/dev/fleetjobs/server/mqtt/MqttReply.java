package dev.fleetjobs.server.mqtt;

/** One message to send back to the device that asked: its topic and JSON payload. */
record MqttReply(String topic, byte[] payload) {
}
