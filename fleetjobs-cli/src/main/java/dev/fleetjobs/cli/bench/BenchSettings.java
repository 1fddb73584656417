package dev.fleetjobs.cli.bench;

/**
 * The knobs of one bench run.
 *
 * @param connections   HTTP connections of the load generator
 * @param devices       simulated devices of device-loop and mqtt-loop; null for each scenario's default
 * @param things        things the rollout scenario registers
 * @param jobsPerDevice jobs device-loop prepares for each device; null to size them from noop's rate
 */
record BenchSettings(int connections, Timing timing, Integer devices, int things, Integer jobsPerDevice) {

    static final int DEFAULT_MQTT_DEVICES = 1000;

    int deviceLoopDevices() {
        return devices != null ? devices : connections;
    }

    int mqttDevices() {
        return devices != null ? devices : DEFAULT_MQTT_DEVICES;
    }
}
