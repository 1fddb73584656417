package dev.fleetjobs.server.mqtt;

/** What the MQTT side reports: every jobs request answered and every connection refused. Metrics and the request log listen here. */
public interface MqttRequestObserver {

    /**
     * @param thingName     the thing of the request topic
     * @param operation     the AWS operation name, e.g. {@code GetPendingJobExecutions}; {@code unknown} for a topic naming none
     * @param rejectedCode  the code of the {@code /rejected} reply, null when accepted
     */
    void answered(String thingName, String operation, String rejectedCode, long nanos);

    /** A CONNECT refused; {@code reason} is one of a few fixed words. */
    void connectRefused(String reason);

    MqttRequestObserver NONE = new MqttRequestObserver() {
        @Override
        public void answered(String thingName, String operation, String rejectedCode, long nanos) {
        }

        @Override
        public void connectRefused(String reason) {
        }
    };
}
