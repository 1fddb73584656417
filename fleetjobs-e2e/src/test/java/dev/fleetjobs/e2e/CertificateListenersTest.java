package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.mqtt.TlsFiles;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.Pem;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Device certificates issued before the change to their validity (ten years) and after it (to
 * the end of 2049) both work on the HTTPS device listener and the MQTT TLS listener, also on a
 * data directory whose CA, made before, ends long before its new certificates do.
 */
class CertificateListenersTest {

    @org.junit.jupiter.api.io.TempDir
    static Path scratch;

    private static TestPki oldCa;
    private static RunningServer server;
    private static DeviceIdentity before;
    private static DeviceIdentity after;

    @BeforeAll
    static void start() throws IOException {
        // A data directory from before, with a CA that ends in two days.
        oldCa = new TestPki("Fleetjobs device CA from before");
        Path dataDir = Files.createDirectories(scratch.resolve("data"));
        ownerOnly(dataDir.resolve(CertificateAuthority.CERTIFICATE_FILE), Pem.of(oldCa.ca().certificate()));
        ownerOnly(dataDir.resolve(CertificateAuthority.KEY_FILE), Pem.pkcs8(oldCa.ca().keys().getPrivate()));
        TlsFiles tls = new TlsFiles(oldCa.keyStore(oldCa.server(), scratch.resolve("mqtt-server.p12")), TestPki.PASSWORD, null,
                oldCa.trustStore(scratch.resolve("device-cas.p12")), TestPki.PASSWORD);
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                        .withSecurity(SecurityOptions.defaults().withDeviceListener(0, null, null)),
                new MqttSettings(MqttSettings.OFF, 0, tls, null, null, false, List.of()));
        new Fleet(server.iot()).thing("cert-1");

        // Before: what CreateKeysAndCertificate made until now, ten years from the same CA, registered again here.
        CertificateAuthority authority = CertificateAuthority.openOrCreate(dataDir, Clock.systemUTC());
        KeyPair keys = CertificateAuthority.KeyPairs.rsa();
        before = new DeviceIdentity(authority.issueClient(keys.getPublic(), "Fleetjobs device certificate", Duration.ofDays(3650)),
                keys.getPrivate());
        String beforeArn = server.iot().registerCertificate(r -> r.certificatePem(Pem.of(before.certificate())).setAsActive(true))
                .certificateArn();
        // After: CreateKeysAndCertificate now.
        var created = server.iot().createKeysAndCertificate(r -> r.setAsActive(true));
        after = DeviceIdentity.fromPem(created.certificatePem(), created.keyPair().privateKey());
        assertThat(after.certificate().getNotAfter().toInstant()).isEqualTo(Instant.parse("2049-12-31T23:59:59Z"))
                .isAfter(oldCa.ca().certificate().getNotAfter().toInstant());
        for (String arn : List.of(beforeArn, created.certificateArn())) {
            server.iot().attachThingPrincipal(r -> r.thingName("cert-1").principal(arn));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static DeviceIdentity identity(boolean issuedAfter) {
        return issuedAfter ? after : before;
    }

    @ParameterizedTest(name = "issued after the change: {0}")
    @ValueSource(booleans = {false, true})
    void theHttpsDeviceListenerAcceptsIt(boolean issuedAfter) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .sslContext(identity(issuedAfter).sslContext(server.server().certificateAuthority())).build();
        HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(server.deviceEndpoint().resolve("/things/cert-1/jobs"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("queuedJobs");
    }

    @ParameterizedTest(name = "issued after the change: {0}")
    @ValueSource(booleans = {false, true})
    void theMqttTlsListenerAcceptsIt(boolean issuedAfter) throws Exception {
        Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("cert-1")
                .serverHost("localhost").serverPort(server.server().mqtt().tlsPort())
                .sslConfig().keyManagerFactory(identity(issuedAfter).keyManagerFactory())
                .trustManagerFactory(DeviceIdentity.trustManagerFactory(oldCa.ca().certificate())).applySslConfig()
                .buildBlocking();
        client.connect();
        try (Mqtt5BlockingClient.Mqtt5Publishes replies = client.publishes(MqttGlobalPublishFilter.ALL)) {
            client.publishWith().topic("$aws/things/cert-1/jobs/get").payload("{\"clientToken\":\"tls\"}".getBytes(StandardCharsets.UTF_8))
                    .send();
            Mqtt5Publish reply = replies.receive(10, TimeUnit.SECONDS).orElseThrow();
            assertThat(reply.getTopic().toString()).isEqualTo("$aws/things/cert-1/jobs/get/accepted");
            JsonNode json = MqttDevice.JSON.readTree(reply.getPayloadAsBytes());
            assertThat(json.get("clientToken").asText()).isEqualTo("tls");
        } finally {
            client.disconnect();
        }
    }

    private static void ownerOnly(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
