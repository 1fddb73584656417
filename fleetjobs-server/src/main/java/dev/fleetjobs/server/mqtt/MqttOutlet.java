package dev.fleetjobs.server.mqtt;

/** Where notifications and events go: a publish to every subscriber of the topic, QoS 1, never blocking. */
interface MqttOutlet {

    void publish(String topic, byte[] payload);
}
