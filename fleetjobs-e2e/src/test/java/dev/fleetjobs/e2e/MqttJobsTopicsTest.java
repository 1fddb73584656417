package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs request topics on the embedded broker, driven by a raw MQTT 5 client (HiveMQ MQTT
 * client): accepted payloads, every rejected code a client can provoke, the leniency devices
 * need, topic permissions, and replies reaching the requester alone.
 */
class MqttJobsTopicsTest {

    private static final String OTHER_TOPICS = "devices/" + MqttSettings.THING_PLACEHOLDER + "/#";

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static Fleet fleet;
    private static int port;

    @BeforeAll
    static void start() {
        server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir), false, List.of(OTHER_TOPICS));
        fleet = new Fleet(server.iot());
        port = server.mqttPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static MqttDevice device(String thing) {
        fleet.thing(thing);
        return MqttDevice.connect(port, thing).subscribeToJobs();
    }

    @Test
    void getPendingEchoesTheTokenWithAnIntegerTimestampAndBothLists() {
        try (MqttDevice device = device("get-1")) {
            fleet.job("get-1-a", "{\"step\":1}", "get-1");
            JsonNode answer = device.request("get", "{\"clientToken\":\"token-7\"}").json();
            assertThat(answer.get("clientToken").asText()).isEqualTo("token-7");
            assertThat(answer.get("timestamp").isIntegralNumber()).isTrue();
            assertThat(answer.get("timestamp").asLong()).isBetween(System.currentTimeMillis() / 1000 - 60, System.currentTimeMillis() / 1000 + 60);
            assertThat(answer.get("inProgressJobs").isArray()).isTrue();
            assertThat(answer.get("inProgressJobs")).isEmpty();
            assertThat(answer.get("queuedJobs")).hasSize(1);
            assertThat(answer.get("queuedJobs").get(0).get("jobId").asText()).isEqualTo("get-1-a");
            assertThat(answer.get("queuedJobs").get(0).get("versionNumber").asLong()).isEqualTo(1);
            assertThat(answer.get("queuedJobs").get(0).has("status")).isFalse();

            JsonNode withoutToken = device.request("get", "{}").json();
            assertThat(withoutToken.has("clientToken")).isFalse();
        }
    }

    @Test
    void startNextWithAnEmptyPayloadAndDescribeNextEmbedTheDocumentAsAnObject() {
        try (MqttDevice device = device("start-1")) {
            fleet.job("start-1-a", "{\"operation\":\"install\",\"version\":\"2.0\"}", "start-1");
            MqttDevice.Message started = device.request("start-next", "");
            assertThat(started.topic()).isEqualTo("$aws/things/start-1/jobs/start-next/accepted");
            JsonNode execution = started.json().get("execution");
            assertThat(execution.get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(execution.get("versionNumber").asLong()).isEqualTo(2);
            assertThat(execution.get("jobDocument").isObject()).isTrue();
            assertThat(execution.get("jobDocument").get("version").asText()).isEqualTo("2.0");
            assertThat(execution.get("startedAt").isIntegralNumber()).isTrue();

            MqttDevice.Message next = device.request("$next/get", "{\"clientToken\":\"n\"}");
            assertThat(next.topic()).isEqualTo("$aws/things/start-1/jobs/$next/get/accepted");
            assertThat(next.json().get("execution").get("jobId").asText()).isEqualTo("start-1-a");

            device.request("start-1-a/update", "{\"status\":\"SUCCEEDED\"}");
            JsonNode nothing = device.request("start-next", "{\"clientToken\":\"x\"}").json();
            assertThat(nothing.has("execution")).isFalse();
            assertThat(nothing.get("clientToken").asText()).isEqualTo("x");
        }
    }

    @Test
    void numbersAsStringsAndUnknownMembersAreAccepted() {
        try (MqttDevice device = device("lenient-1")) {
            fleet.job("lenient-1-a", "{\"a\":1}", "lenient-1");
            JsonNode described = device.request("lenient-1-a/get",
                    "{\"thingName\":\"lenient-1\",\"jobId\":\"lenient-1-a\",\"executionNumber\":\"1\",\"includeJobDocument\":false}").json();
            assertThat(described.get("execution").get("executionNumber").asLong()).isEqualTo(1);
            assertThat(described.get("execution").has("jobDocument")).isFalse();

            JsonNode updated = device.request("lenient-1-a/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"1\","
                    + "\"stepTimeoutInMinutes\":\"5\",\"includeJobExecutionState\":true,\"includeJobDocument\":true,"
                    + "\"statusDetails\":{\"phase\":\"download\"},\"somethingNew\":[1,2]}").json();
            assertThat(updated.get("executionState").get("status").asText()).isEqualTo("IN_PROGRESS");
            assertThat(updated.get("executionState").get("versionNumber").asLong()).isEqualTo(2);
            assertThat(updated.get("executionState").get("statusDetails").get("phase").asText()).isEqualTo("download");
            assertThat(updated.get("jobDocument").get("a").asInt()).isEqualTo(1);
        }
    }

    @Test
    void everyRejectedCodeADeviceCanProvoke() {
        try (MqttDevice device = device("reject-1")) {
            fleet.thing("reject-2");
            fleet.job("reject-1-a", "{\"a\":1}", "reject-1");
            fleet.job("reject-2-only", "{\"a\":1}", "reject-2");
            server.iot().cancelJob(r -> r.jobId("reject-2-only"));

            assertRejected(device.request("no-such-operation", "{\"clientToken\":\"t1\"}"), "InvalidTopic", "t1");
            assertRejected(device.request("get", "{not json"), "InvalidJson", null);
            assertRejected(device.request("get", "[1,2]"), "InvalidJson", null);
            assertRejected(device.request("reject-1-a/update", "{\"clientToken\":\"t2\"}"), "InvalidRequest", "t2");
            assertRejected(device.request("reject-1-a/update", "{\"status\":\"QUEUED\"}"), "InvalidRequest", null);
            assertRejected(device.request("reject-1-a/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"two\"}"),
                    "InvalidRequest", null);
            assertRejected(device.request("missing-job/get", "{\"clientToken\":\"t3\"}"), "ResourceNotFound", "t3");
            assertRejected(device.request("reject-2-only/get", "{}"), "TerminalStateReached", null);

            MqttDevice.Message mismatch = device.request("reject-1-a/update", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":7}");
            assertRejected(mismatch, "VersionMismatch", null);
            assertThat(mismatch.json().get("executionState").get("versionNumber").asLong()).isEqualTo(1);
            assertThat(mismatch.json().get("executionState").get("status").asText()).isEqualTo("QUEUED");

            device.request("reject-1-a/update", "{\"status\":\"SUCCEEDED\"}");
            MqttDevice.Message transition = device.request("reject-1-a/update", "{\"status\":\"FAILED\",\"clientToken\":\"t4\"}");
            assertRejected(transition, "InvalidStateTransition", "t4");
            assertThat(transition.json().get("executionState").get("status").asText()).isEqualTo("SUCCEEDED");
        }
    }

    private static void assertRejected(MqttDevice.Message reply, String code, String clientToken) {
        assertThat(reply.topic()).endsWith("/rejected");
        assertThat(reply.json().get("code").asText()).isEqualTo(code);
        assertThat(reply.json().get("message").asText()).isNotBlank();
        assertThat(reply.json().get("timestamp").isIntegralNumber()).isTrue();
        if (clientToken == null) {
            assertThat(reply.json().has("clientToken")).isFalse();
        } else {
            assertThat(reply.json().get("clientToken").asText()).isEqualTo(clientToken);
        }
        if (!code.equals("VersionMismatch") && !code.equals("InvalidStateTransition")) {
            assertThat(reply.json().has("executionState")).isFalse();
        }
    }

    @Test
    void aDeviceThatSubscribedToNothingStillGetsItsReply() {
        fleet.thing("quiet-1");
        try (MqttDevice device = MqttDevice.connect(port, "quiet-1")) {
            device.publish("$aws/things/quiet-1/jobs/get", "{\"clientToken\":\"q\"}");
            MqttDevice.Message reply = device.awaitMessage("$aws/things/quiet-1/jobs/get/accepted", 1);
            assertThat(reply.json().get("clientToken").asText()).isEqualTo("q");
        }
    }

    @Test
    void topicPermissionsKeepEachDeviceToItsOwnTopics() {
        try (MqttDevice device = device("acl-1"); MqttDevice other = device("acl-2")) {
            assertThat(device.subscribe("$aws/things/acl-2/jobs/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("$aws/events/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("devices/acl-2/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);

            // The configured extra topics work like any broker topic, for the device's own name only.
            assertThat(device.subscribe("devices/acl-1/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            device.publish("devices/acl-1/telemetry", "{\"temperature\":21}");
            assertThat(device.awaitMessage("devices/acl-1/telemetry", 1).json().get("temperature").asInt()).isEqualTo(21);

            // A request for another thing is refused and answered to no one.
            assertThat(device.publishAcked("$aws/things/acl-2/jobs/get", "{\"clientToken\":\"steal\"}"))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.publishAcked("elsewhere/topic", "{}")).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            // Barrier: the other device's own request is answered after the refused one was handled.
            other.request("get", "{\"clientToken\":\"mine\"}");
            assertThat(other.all()).extracting(MqttDevice.Message::json)
                    .noneMatch(json -> json.has("clientToken") && json.get("clientToken").asText().equals("steal"));
            assertThat(device.all()).extracting(MqttDevice.Message::topic).noneMatch(topic -> topic.contains("acl-2"));
        }
    }

    @Test
    void aClientIdThatIsNoThingNameIsRefused() {
        assertThatThrownBy(() -> MqttDevice.connect(port, "not a thing/name"))
                .isInstanceOf(Mqtt5ConnAckException.class)
                .hasMessageContaining("CLIENT_IDENTIFIER_NOT_VALID");
    }

    @Test
    void repliesGoToTheRequesterAloneAndRequestsReachNoSubscriber() {
        fleet.thing("target-1");
        try (MqttDevice device = MqttDevice.connect(port, "target-1").subscribeToJobs();
             MqttDevice other = device("other-1")) {
            fleet.job("spied-a", "{\"a\":1}", "target-1");
            device.awaitMessage("$aws/things/target-1/jobs/notify", 1);
            device.request("get", "{\"clientToken\":\"private\"}");
            device.request("spied-a/update", "{\"status\":\"IN_PROGRESS\"}");
            // Subscribed to every topic of its thing, the device still never receives a request: requests are run, not routed.
            assertThat(device.all()).noneMatch(m -> m.topic().endsWith("/get") || m.topic().endsWith("/update"));
            assertThat(device.messages("$aws/things/target-1/jobs/get/accepted")).hasSize(1);
            // Another device can neither listen to the thing's topics nor ask on its behalf: no reply to anyone.
            assertThat(other.subscribe("$aws/things/target-1/jobs/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(other.publishAcked("$aws/things/target-1/jobs/get", "{\"clientToken\":\"forged\"}"))
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
            device.request("get", "{\"clientToken\":\"after\"}");
            assertThat(device.messages("$aws/things/target-1/jobs/get/accepted")).extracting(m -> m.json().get("clientToken").asText())
                    .containsExactly("private", "after");
            assertThat(other.all()).noneMatch(m -> m.topic().contains("target-1"));
        }
    }

    @Test
    void aClientTokenLongerThanTheModelAllowsIsAnInvalidRequest() {
        try (MqttDevice device = device("token-1")) {
            String longest = "t".repeat(64);
            assertThat(device.request("get", "{\"clientToken\":\"" + longest + "\"}").json().get("clientToken").asText()).isEqualTo(longest);
            MqttDevice.Message refused = device.request("get", "{\"clientToken\":\"" + longest + "x\"}");
            assertThat(refused.topic()).endsWith("/get/rejected");
            assertThat(refused.json().get("code").asText()).isEqualTo("InvalidRequest");
            assertThat(refused.json().get("message").asText()).contains("at most 64");
        }
    }

    @Test
    void requestsOverTheRateAreThrottled() {
        Path limitedDir = dataDir.resolve("limited");
        try (RunningServer limited = RunningServer.withPlainMqtt(
                ServerConfig.defaults("127.0.0.1", 0, limitedDir).withDataPlaneRequestsPerSecond(1), false, List.of())) {
            new Fleet(limited.iot()).thing("busy-1");
            try (MqttDevice device = MqttDevice.connect(limited.mqttPort(), "busy-1").subscribeToJobs()) {
                for (int i = 0; i < 5; i++) {
                    device.publish("$aws/things/busy-1/jobs/get", "{\"clientToken\":\"r" + i + "\"}");
                }
                MqttDevice.Message throttled = device.awaitMessage("$aws/things/busy-1/jobs/get/rejected", 1);
                assertThat(throttled.json().get("code").asText()).isEqualTo("RequestThrottled");
                assertThat(throttled.json().get("clientToken").asText()).startsWith("r");
            }
        }
    }
}
