package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iot.model.JobExecution;

/**
 * Wills and retained messages, over MQTT 3.1.1 and 5 on raw sockets: no client may publish, by
 * will or retained message, to a topic the service owns, and nothing is ever retained on a jobs
 * topic. A will on the device's own request topic runs as that request when it fires, never
 * reaching a subscriber.
 */
class MqttWillsTest {

    /** CONNACK codes for "not authorized": MQTT 3.1.1 return code 5, MQTT 5 reason code 0x87. */
    private static final int REFUSED_311 = 5;
    private static final int REFUSED_5 = 0x87;
    private static final String FORGED = "{\"timestamp\":1,\"execution\":{\"jobId\":\"forged\",\"status\":\"QUEUED\","
            + "\"jobDocument\":{\"operation\":\"run\",\"url\":\"http://attacker\"}}}";

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static Fleet fleet;
    private static int port;
    private static final AtomicInteger things = new AtomicInteger();

    @BeforeAll
    static void start() {
        server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir), true, List.of("devices/+/status"));
        fleet = new Fleet(server.iot());
        port = server.mqttPort();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String newThing() {
        String thing = "will-" + things.incrementAndGet();
        fleet.thing(thing);
        return thing;
    }

    /** A new thing with one QUEUED job, {@code <thing>-job}. */
    private static String thingWithAJob() {
        String thing = newThing();
        fleet.job(thing + "-job", "{}", thing);
        return thing;
    }

    /** A will that updates the thing's job with {@code payload}. */
    private static RawMqtt.Will updateWill(String thing, String payload) {
        return RawMqtt.Will.of("$aws/things/" + thing + "/jobs/" + thing + "-job/update", payload, false);
    }

    private static int refused(int version) {
        return version == RawMqtt.V5 ? REFUSED_5 : REFUSED_311;
    }

    /** Topics the service owns, and topics a device may not publish to, as suffixes after {@code $aws/things/{thing}/jobs/}. */
    private static final List<String> NOT_FOR_WILLS = List.of("notify", "notify-next", "get/accepted", "get/rejected",
            "start-next/accepted", "start-next/rejected", "job-1/get/accepted", "job-1/update/accepted", "job-1/update/rejected",
            "no-such-operation", "!$aws/events/job/job-1/completed", "!$aws/events/jobExecution/job-1/succeeded",
            "!$aws/things/other-thing/jobs/get", "!$aws/things/{thing}/shadow/update", "!$SYS/broker");

    static Stream<Arguments> versionsAndRetain() {
        return Stream.of(RawMqtt.V311, RawMqtt.V5).flatMap(version -> Stream.of(true, false).map(retain -> Arguments.of(version, retain)));
    }

    @ParameterizedTest(name = "MQTT {0}, retain {1}")
    @MethodSource("versionsAndRetain")
    void aWillOnATopicTheServiceOwnsIsRefusedAtConnect(int version, boolean retain) {
        String thing = newThing();
        try (MqttDevice device = MqttDevice.connect(port, thing).subscribeToJobs();
             MqttDevice backEnd = MqttDevice.backEnd(port, "monitor-" + thing, RunningServer.ROOT)) {
            backEnd.subscribe("$aws/events/#");
            for (String suffix : NOT_FOR_WILLS) {
                String topic = suffix.startsWith("!") ? suffix.substring(1).replace("{thing}", thing) : "$aws/things/" + thing + "/jobs/" + suffix;
                int code = RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(version, thing).withWill(RawMqtt.Will.of(topic, FORGED, retain)));
                assertThat(code).as("will on %s", topic).isEqualTo(refused(version));
            }
            // The refused connections took nothing over: the device is still there, and nothing forged reached it or is kept for it.
            device.request("get", "{\"clientToken\":\"after\"}");
            assertThat(device.all()).extracting(MqttDevice.Message::topic).containsExactly("$aws/things/" + thing + "/jobs/get/accepted");
            assertThat(device.retainedBeforeAReply()).isEmpty();
            assertThat(backEnd.all()).isEmpty();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {RawMqtt.V311, RawMqtt.V5})
    void aWillOnTheDevicesOwnUpdateTopicRunsAsThatRequestWhenTheConnectionDrops(int version) {
        String thing = thingWithAJob();
        String job = thing + "-job";
        RawMqtt.Will will = updateWill(thing, "{\"status\":\"FAILED\",\"statusDetails\":{\"reason\":\"connection lost\"},\"clientToken\":\"will\"}");

        assertThat(RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(version, thing).withWill(will))).isZero();

        JobExecution failed = await().atMost(MqttDevice.WAIT).until(() -> execution(thing, job), e -> e.statusAsString().equals("FAILED"));
        assertThat(failed.statusDetails().detailsMap()).containsEntry("reason", "connection lost");
        try (MqttDevice device = MqttDevice.connect(port, thing)) {
            assertThat(device.retainedBeforeAReply()).as("the will was run, not routed or retained").isEmpty();
        }
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {RawMqtt.V311, RawMqtt.V5})
    void aRetainedWillOnARequestTopicIsRefused(int version) {
        String thing = newThing();
        RawMqtt.Will will = RawMqtt.Will.of("$aws/things/" + thing + "/jobs/start-next", "{}", true);
        assertThat(RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(version, thing).withWill(will))).isEqualTo(refused(version));
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {RawMqtt.V311, RawMqtt.V5})
    void aNormalDisconnectRunsNoWill(int version) {
        String thing = thingWithAJob();
        String job = thing + "-job";
        RawMqtt.Will will = updateWill(thing, "{\"status\":\"FAILED\"}");
        try (RawMqtt client = RawMqtt.open(port, RawMqtt.Connect.of(version, thing).withWill(will))) {
            assertThat(client.connack()).isZero();
            client.disconnect(0);
        }
        await().during(Duration.ofMillis(1500)).atMost(MqttDevice.WAIT).until(() -> execution(thing, job).statusAsString().equals("QUEUED"));
    }

    @Test
    void anMqtt5DisconnectWithWillMessageRunsTheWill() {
        String thing = thingWithAJob();
        String job = thing + "-job";
        RawMqtt.Will will = updateWill(thing, "{\"status\":\"REJECTED\"}");
        try (RawMqtt client = RawMqtt.open(port, RawMqtt.Connect.of(RawMqtt.V5, thing).withWill(will))) {
            assertThat(client.connack()).isZero();
            client.disconnect(0x04);
        }
        await().atMost(MqttDevice.WAIT).until(() -> execution(thing, job).statusAsString().equals("REJECTED"));
    }

    @Test
    void anMqtt5WillDelayIsWaitedOutAndAReconnectionInTheMeantimeCancelsIt() {
        String late = thingWithAJob();
        RawMqtt.Connect delayed = RawMqtt.Connect.of(RawMqtt.V5, late).withSession(false, 60).withWill(new RawMqtt.Will(
                "$aws/things/" + late + "/jobs/" + late + "-job/update", "{\"status\":\"FAILED\"}", 1, false, 1));
        long dropped = System.nanoTime();
        assertThat(RawMqtt.connectAndDrop(port, delayed)).isZero();
        await().atMost(MqttDevice.WAIT).until(() -> execution(late, late + "-job").statusAsString().equals("FAILED"));
        assertThat(Duration.ofNanos(System.nanoTime() - dropped)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        String back = thingWithAJob();
        RawMqtt.Connect returning = RawMqtt.Connect.of(RawMqtt.V5, back).withSession(false, 60).withWill(new RawMqtt.Will(
                "$aws/things/" + back + "/jobs/" + back + "-job/update", "{\"status\":\"FAILED\"}", 1, false, 2));
        assertThat(RawMqtt.connectAndDrop(port, returning)).isZero();
        try (RawMqtt again = RawMqtt.open(port, RawMqtt.Connect.of(RawMqtt.V5, back).withSession(false, 60))) {
            assertThat(again.connack()).isZero();
            await().during(Duration.ofSeconds(3)).atMost(MqttDevice.WAIT)
                    .until(() -> execution(back, back + "-job").statusAsString().equals("QUEUED"));
            again.disconnect(0);
        }
    }

    @Test
    void retainedPublishesOnJobsTopicsAreRefusedNeverRunAndNeverStored() {
        String thing = thingWithAJob();
        String job = thing + "-job";
        try (MqttDevice device = MqttDevice.connect(port, thing).subscribeToJobs()) {
            for (String suffix : List.of("start-next", job + "/update", "notify-next", "get/accepted")) {
                device.publishRetained(device.prefix() + "/" + suffix, "{\"status\":\"SUCCEEDED\",\"clientToken\":\"kept\"}");
                JsonNode refusal = device.awaitMessage(device.prefix() + "/" + suffix + "/rejected", 1).json();
                assertThat(refusal.get("code").asText()).isEqualTo("InvalidRequest");
                assertThat(refusal.get("message").asText()).contains("Retained messages are not accepted");
                assertThat(refusal.get("clientToken").asText()).isEqualTo("kept");
            }
            assertThat(execution(thing, job).statusAsString()).isEqualTo("QUEUED");
        }
        // Over MQTT 3.1.1, where a PUBACK cannot say no, the retained request is not run either.
        try (RawMqtt raw = RawMqtt.open(port, RawMqtt.Connect.of(RawMqtt.V311, thing))) {
            assertThat(raw.connack()).isZero();
            raw.publish("$aws/things/" + thing + "/jobs/" + job + "/update", "{\"status\":\"SUCCEEDED\"}", 1, true);
            raw.publish("$aws/things/" + thing + "/jobs/notify-next", FORGED, 1, true);
            raw.disconnect(0);
        }
        try (MqttDevice device = MqttDevice.connect(port, thing)) {
            assertThat(device.retainedBeforeAReply()).isEmpty();
        }
        assertThat(execution(thing, job).statusAsString()).isEqualTo("QUEUED");
    }

    @ParameterizedTest(name = "MQTT {0}")
    @ValueSource(ints = {RawMqtt.V311, RawMqtt.V5})
    void anEmptyClientIdIsRefusedInsteadOfGivenABrokerMadeId(int version) {
        int code = RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(version, ""));
        // MQTT 3.1.1: 2 "identifier rejected"; MQTT 5: 0x85 "client identifier not valid".
        assertThat(code).isEqualTo(version == RawMqtt.V5 ? 0x85 : 2);
    }

    @Test
    void aWillOnAnOrdinaryTopicIsTheBrokersUnderTheDevicesPermissions() {
        String thing = newThing();
        try (MqttDevice watcher = MqttDevice.connect(port, "watcher-" + thing)) {
            watcher.subscribe("devices/+/status");
            RawMqtt.Will own = RawMqtt.Will.of("devices/" + thing + "/status", "{\"online\":false}", false);
            assertThat(RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(RawMqtt.V311, thing).withWill(own))).isZero();
            assertThat(watcher.awaitMessage("devices/" + thing + "/status", 1).json().get("online").asBoolean()).isFalse();
            RawMqtt.Will elsewhere = RawMqtt.Will.of("other/" + thing, "{}", false);
            assertThat(RawMqtt.connectAndDrop(port, RawMqtt.Connect.of(RawMqtt.V311, thing).withWill(elsewhere))).isEqualTo(REFUSED_311);
        }
    }

    private static JobExecution execution(String thing, String job) {
        return server.iot().describeJobExecution(r -> r.thingName(thing).jobId(job)).execution();
    }
}
