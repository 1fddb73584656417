package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.mqtt.TlsFiles;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/**
 * Who gets the jobs events: back ends that log in with an admin's or operator's access key (user
 * name and password), on either listener, and they only listen. Devices see their own thing's
 * topics and nothing else under {@code $aws/}, whatever extra filters the operator granted.
 */
class MqttBackEndTest {

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static Fleet fleet;
    private static int port;
    private static TestPki pki;
    private static Cli.Key operator;
    private static Cli.Key deviceKey;

    @BeforeAll
    static void start() {
        pki = new TestPki("Fleetjobs back-end test CA");
        TlsFiles tls = new TlsFiles(pki.keyStore(pki.server(), dataDir.resolve("server.p12")), TestPki.PASSWORD, null,
                pki.trustStore(dataDir.resolve("devices-ca.p12")), TestPki.PASSWORD);
        Path data = dataDir.resolve("data");
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, data)
                        .withSecurity(SecurityOptions.defaults().withRefreshInterval(Duration.ofMillis(100))),
                new MqttSettings(0, 0, tls, null, null, true, List.of("devices/+/status")));
        fleet = new Fleet(server.iot());
        port = server.mqttPort();
        operator = Cli.addKey(data, "--role", "operator");
        deviceKey = Cli.addKey(data, "--role", "device", "--things", "be-*");
        await().atMost(MqttDevice.WAIT).until(() -> logInCode(operator.accessKeyId(), operator.secretAccessKey()) == null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The refusal of a back-end login on the plain listener, or null when it was accepted. */
    private static Mqtt5ConnAckReasonCode logInCode(String user, String password) {
        try (MqttDevice backEnd = MqttDevice.backEnd(port, "login-probe", new Cli.Key(user, password))) {
            return null;
        } catch (Mqtt5ConnAckException refused) {
            return refused.getMqttMessage().getReasonCode();
        }
    }

    @Test
    void backEndsWithAnAdminOrOperatorKeyGetEveryJobEvent() {
        fleet.thing("be-1");
        try (MqttDevice admin = MqttDevice.backEnd(port, "analytics-admin", RunningServer.ROOT);
             MqttDevice ops = MqttDevice.backEnd(port, "analytics-ops", operator)) {
            assertThat(admin.subscribe("$aws/events/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            assertThat(ops.subscribe("$aws/events/jobExecution/#")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            fleet.job("be-job-1", "{}", "be-1");
            server.jobs().updateJobExecution(r -> r.thingName("be-1").jobId("be-job-1").status(JobExecutionStatus.SUCCEEDED));
            assertThat(admin.awaitMessage("$aws/events/job/be-job-1/completed", 1).json().get("jobId").asText()).isEqualTo("be-job-1");
            assertThat(ops.awaitMessage("$aws/events/jobExecution/be-job-1/succeeded", 1).json().get("thingArn").asText())
                    .isEqualTo(fleet.arnOf("be-1"));
        }
    }

    @Test
    void aDeviceGetsNoEventsAndNoOtherThingsTopicsWhateverItsExtraFilters() {
        fleet.thing("be-2");
        fleet.thing("be-3");
        try (MqttDevice device = MqttDevice.connect(port, "be-2");
             MqttDevice other = MqttDevice.connect(port, "be-3").subscribeToJobs();
             MqttDevice backEnd = MqttDevice.backEnd(port, "analytics-2", RunningServer.ROOT)) {
            assertThat(device.subscribe("$aws/events/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("$aws/things/be-3/jobs/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("$share/g/$aws/events/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            // The broker would match these against $aws topics too: no device may subscribe with a leading wildcard.
            assertThat(device.subscribe("#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("+/things/+/jobs/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("$share/g/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(device.subscribe("devices/+/status")).isEqualTo(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
            backEnd.subscribe("$aws/events/#");

            fleet.job("be-job-2", "{}", "be-3");
            server.jobs().updateJobExecution(r -> r.thingName("be-3").jobId("be-job-2").status(JobExecutionStatus.FAILED)
                    .statusDetails(java.util.Map.of("secret", "only for back ends")));
            backEnd.awaitMessage("$aws/events/jobExecution/be-job-2/failed", 1);
            other.awaitMessage("$aws/things/be-3/jobs/notify", 2);
            device.request("get", "{\"clientToken\":\"barrier\"}");
            assertThat(device.all()).extracting(MqttDevice.Message::topic).allMatch(topic -> topic.startsWith("$aws/things/be-2/"));
            // The broker refuses and disconnects a client that publishes where it may not (at once for a topic beginning with $).
            assertThat(device.publishRefused("$aws/events/job/be-job-2/completed", "{}")).isIn("NOT_AUTHORIZED", "PROTOCOL_ERROR");
        }
    }

    @Test
    void aBackEndOnlyListensToTheEvents() {
        fleet.thing("be-4");
        try (MqttDevice backEnd = MqttDevice.backEnd(port, "analytics-4", operator)) {
            assertThat(backEnd.subscribe("$aws/things/+/jobs/#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
            assertThat(backEnd.subscribe("#")).isEqualTo(Mqtt5SubAckReasonCode.NOT_AUTHORIZED);
        }
        // The broker disconnects a client after a refused publish: one connection per attempt.
        for (String topic : List.of("$aws/events/job/forged/completed", "$aws/things/be-4/jobs/get", "telemetry/x")) {
            try (MqttDevice backEnd = MqttDevice.backEnd(port, "analytics-4", operator)) {
                assertThat(backEnd.publishRefused(topic, "{}")).as(topic).isIn("NOT_AUTHORIZED", "PROTOCOL_ERROR");
            }
        }
    }

    @Test
    void onlyAnAdminsOrOperatorsKeyLogsIn() {
        assertThat(logInCode(RunningServer.ACCESS_KEY, "not-the-secret")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(logInCode("FJIANOSUCHKEY0000000", "whatever")).isEqualTo(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
        assertThat(logInCode(deviceKey.accessKeyId(), deviceKey.secretAccessKey())).isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);

        Cli.Key revoked = Cli.addKey(dataDir.resolve("data"), "--role", "admin");
        await().atMost(MqttDevice.WAIT).until(() -> logInCode(revoked.accessKeyId(), revoked.secretAccessKey()) == null);
        Cli.run("credentials", "revoke", revoked.accessKeyId(), "--data-dir", dataDir.resolve("data").toString());
        await().atMost(MqttDevice.WAIT).until(() ->
                logInCode(revoked.accessKeyId(), revoked.secretAccessKey()) == Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD);
    }

    @ParameterizedTest(name = "with password: {0}")
    @ValueSource(booleans = {true, false})
    void onTheTlsListenerABackEndNeedsNoCertificateButADeviceDoes(boolean withPassword) throws Exception {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trustStore(dataDir.resolve("devices-ca.p12")));
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("analytics-tls")
                .serverHost("localhost").serverPort(server.server().mqtt().tlsPort())
                .sslConfig().trustManagerFactory(trust).applySslConfig().buildBlocking();
        if (withPassword) {
            client.connectWith().simpleAuth().username(RunningServer.ACCESS_KEY)
                    .password(RunningServer.SECRET_KEY.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
            assertThat(client.subscribeWith().topicFilter("$aws/events/#").send().getReasonCodes())
                    .singleElement().matches(code -> !code.isError());
            client.disconnect();
        } else {
            assertThatThrownBy(() -> client.connectWith().send()).isInstanceOf(Mqtt5ConnAckException.class)
                    .extracting(e -> ((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
        }
    }

    @Test
    void noExtraTopicFilterMayReachTheServicesTopics() {
        for (String filter : List.of("$aws/events/#", "$aws/things/+/jobs/#", "$share/g/$aws/events/#", "$SYS/#", "#", "+/status", "+")) {
            assertThatThrownBy(() -> new MqttSettings(0, MqttSettings.OFF, null, null, null, true, List.of(filter)))
                    .as(filter).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("belong to the service");
        }
        assertThat(new MqttSettings(0, MqttSettings.OFF, null, null, null, true,
                List.of(MqttSettings.THING_PLACEHOLDER + "/status", "devices/" + MqttSettings.THING_PLACEHOLDER + "/#")).extraTopics())
                .hasSize(2);
    }

    private static KeyStore trustStore(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(file.toFile())) {
            store.load(in, TestPki.PASSWORD.toCharArray());
        }
        return store;
    }
}
