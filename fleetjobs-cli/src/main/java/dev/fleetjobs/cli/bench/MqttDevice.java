package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClientExecutorConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A device of mqtt-loop on the HiveMQ MQTT client (MQTT 5, client id = thing name): it waits for
 * {@code notify-next} naming the round's job, then, when told, publishes {@code start-next} and,
 * once accepted, {@code update} SUCCEEDED with the version it was given. Every callback runs on
 * the client's shared I/O thread; the round it belongs to keeps the score ({@link MqttRound}).
 */
final class MqttDevice {

    private final String thingName;
    private final String prefix;
    private final Mqtt5AsyncClient client;
    private volatile MqttRound round;
    private volatile boolean notified;
    private volatile long requestStartNanos;

    MqttDevice(String thingName, InetSocketAddress broker, MqttClientExecutorConfig executors) {
        this.thingName = thingName;
        this.prefix = "$aws/things/" + thingName + "/jobs";
        this.client = Mqtt5Client.builder().identifier(thingName).serverAddress(broker).executorConfig(executors).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, this::onMessage, Runnable::run);
    }

    String thingName() {
        return thingName;
    }

    /** Connects and subscribes to the topics the loop answers on. */
    CompletableFuture<?> connect() {
        return client.connectWith().cleanStart(true).keepAlive(600).send()
                .thenCompose(connected -> client.subscribeWith()
                        .addSubscription().topicFilter(prefix + "/notify-next").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .addSubscription().topicFilter(prefix + "/start-next/+").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .addSubscription().topicFilter(prefix + "/+/update/+").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                        .send());
    }

    CompletableFuture<?> disconnect() {
        return client.disconnect();
    }

    /** From now on a {@code notify-next} naming the round's job counts for {@code round}. */
    void join(MqttRound round) {
        this.notified = false;
        this.round = round;
    }

    boolean notified() {
        return notified;
    }

    /** Starts the round's job: {@code start-next}, then {@code update} SUCCEEDED. */
    void startJob() {
        requestStartNanos = System.nanoTime();
        publish(prefix + "/start-next", "{\"clientToken\":\"" + round.jobId() + "\",\"statusDetails\":{\"step\":\"start\"}}");
    }

    private void onMessage(Mqtt5Publish publish) {
        MqttRound current = round;
        if (current == null) {
            return;
        }
        String topic = publish.getTopic().toString();
        JsonNode json;
        try {
            json = Answer.JSON.readTree(publish.getPayloadAsBytes());
        } catch (IOException e) {
            current.failed(this, topic + " carried something that is not JSON");
            return;
        }
        if (topic.endsWith("/notify-next")) {
            JsonNode execution = json.path("execution");
            if (!notified && current.jobId().equals(execution.path("jobId").asText()) && "QUEUED".equals(execution.path("status").asText())) {
                notified = true;
                current.notified(this);
            }
        } else if (topic.endsWith("/start-next/accepted")) {
            current.answered(requestStartNanos, System.nanoTime());
            JsonNode execution = json.path("execution");
            requestStartNanos = System.nanoTime();
            publish(prefix + "/" + execution.path("jobId").asText() + "/update", "{\"status\":\"SUCCEEDED\",\"expectedVersion\":"
                    + execution.path("versionNumber").asLong() + ",\"clientToken\":\"" + current.jobId() + "\"}");
        } else if (topic.endsWith("/update/accepted")) {
            current.answered(requestStartNanos, System.nanoTime());
            current.finished(this);
        } else if (topic.endsWith("/rejected")) {
            current.failed(this, topic + ": " + json.path("code").asText() + " " + json.path("message").asText());
        }
    }

    private void publish(String topic, String payload) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send()
                .whenComplete((result, failure) -> {
                    if (failure != null) {
                        round.failed(this, "publishing to " + topic + " failed: " + Failures.describe(failure));
                    }
                });
    }
}
