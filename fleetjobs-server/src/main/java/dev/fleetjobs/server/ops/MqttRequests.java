package dev.fleetjobs.server.ops;

import dev.fleetjobs.server.mqtt.MqttRequestObserver;
import dev.fleetjobs.server.http.RequestIds;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Feeds the MQTT request metrics, the refusals and the request log from the MQTT side. */
final class MqttRequests implements MqttRequestObserver {

    private final FleetjobsMetrics metrics;
    private final boolean accessLog;
    private final Map<String, CounterDataPoint> accepted = new ConcurrentHashMap<>();
    private final Map<String, CounterDataPoint> rejected = new ConcurrentHashMap<>();

    MqttRequests(FleetjobsMetrics metrics, boolean accessLog) {
        this.metrics = metrics;
        this.accessLog = accessLog;
        for (String operation : new String[] {"GetPendingJobExecutions", "StartNextPendingJobExecution", "DescribeJobExecution",
                "UpdateJobExecution", "unknown"}) {
            accepted.put(operation, metrics.mqttRequests.labelValues(operation, "accepted"));
            rejected.put(operation, metrics.mqttRequests.labelValues(operation, "rejected"));
        }
    }

    @Override
    public void answered(String thingName, String operation, String rejectedCode, long nanos) {
        Map<String, CounterDataPoint> outcome = rejectedCode == null ? accepted : rejected;
        CounterDataPoint counter = outcome.get(operation);
        (counter != null ? counter : outcome.get("unknown")).inc();
        if (accessLog) {
            AccessLog.request(RequestIds.next(), thingName, "mqtt", operation, rejectedCode == null ? "accepted" : rejectedCode, nanos);
        }
    }

    @Override
    public void connectRefused(String reason) {
        metrics.authRefusals.labelValues(reason).inc();
    }
}
