package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.scheduler.SettableClock;
import java.net.URI;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.PresignedUrlConfig;

/**
 * A job whose document names a file with a presigned URL placeholder, as AWS firmware jobs do:
 * created with the AWS SDK's {@code IotClient}, fetched by the official {@code IotJobsDataPlaneClient}
 * and over MQTT. The URL downloads the exact bytes without credentials until it expires on the
 * (dev) job clock; a changed URL is refused; GetJobDocument keeps the placeholder.
 */
class PresignedJobFilesTest {

    private static final String ROLE = "arn:aws:iam::000000000000:role/fleetjobs-files";
    private static final String PLACEHOLDER = "${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/firmware/fw/2.0.bin}";
    private static final String DOCUMENT = "{\"operation\":\"install\",\"url\":\"" + PLACEHOLDER + "\"}";
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static S3Requests s3;
    private static Fleet fleet;
    private static final byte[] FIRMWARE = new byte[300_000];

    @BeforeAll
    static void start() {
        new Random(7).nextBytes(FIRMWARE);
        ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                .withJobClock(SettableClock.fixedAt(Instant.parse("2026-03-01T10:00:00Z")));
        server = RunningServer.start(config, new MqttSettings(0, MqttSettings.OFF, null, null, null, false, List.of()));
        s3 = S3Requests.root(server);
        fleet = new Fleet(server.iot());
        s3.createBucket("firmware");
        s3.put("firmware", "fw/2.0.bin", FIRMWARE);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDataPlaneHandsOutAUrlThatDownloadsTheFileUntilItExpiresOnTheJobClock() {
        fleet.thing("http-device");
        server.iot().createJob(r -> r.jobId("fw-http").targets(fleet.arnOf("http-device")).document(DOCUMENT)
                .presignedUrlConfig(c -> c.roleArn(ROLE).expiresInSec(120L)));

        assertThat(server.iot().getJobDocument(r -> r.jobId("fw-http")).document()).isEqualTo(DOCUMENT);
        assertThat(server.iot().describeJob(r -> r.jobId("fw-http")).job().presignedUrlConfig())
                .isEqualTo(PresignedUrlConfig.builder().roleArn(ROLE).expiresInSec(120L).build());

        String document = server.jobs().describeJobExecution(r -> r.thingName("http-device").jobId("fw-http")
                .includeJobDocument(true)).execution().jobDocument();
        String url = urlIn(document);
        assertThat(url).startsWith(server.endpoint() + "/firmware/fw/2.0.bin?").contains("X-Amz-Expires=120")
                .contains("X-Amz-Signature=");

        assertThat(s3.anonymousGet(url, Map.of()).body()).isEqualTo(FIRMWARE);
        HttpResponse<byte[]> range = s3.anonymousGet(url, Map.of("Range", "bytes=100-")); 
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(FIRMWARE, 100, FIRMWARE.length));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-299999/300000");

        HttpResponse<byte[]> otherKey = s3.anonymousGet(url.replace("/fw/2.0.bin?", "/fw/2.1.bin?"), Map.of());
        assertThat(otherKey.statusCode()).isEqualTo(403);
        assertThat(S3Requests.errorCode(new String(otherKey.body(), StandardCharsets.UTF_8))).isEqualTo("SignatureDoesNotMatch");
        HttpResponse<byte[]> longer = s3.anonymousGet(url.replace("X-Amz-Expires=120", "X-Amz-Expires=3600"), Map.of());
        assertThat(longer.statusCode()).isEqualTo(403);

        String started = server.jobs().startNextPendingJobExecution(r -> r.thingName("http-device")).execution().jobDocument();
        assertThat(urlIn(started)).isNotEqualTo(PLACEHOLDER).startsWith(server.endpoint() + "/firmware/");
        String updated = server.jobs().updateJobExecution(r -> r.thingName("http-device").jobId("fw-http").status("IN_PROGRESS")
                .includeJobDocument(true)).jobDocument();
        assertThat(s3.anonymousGet(urlIn(updated), Map.of()).body()).isEqualTo(FIRMWARE);

        server.advanceClock(119);
        assertThat(s3.anonymousGet(url, Map.of()).statusCode()).isEqualTo(200);
        server.advanceClock(2);
        HttpResponse<byte[]> expired = s3.anonymousGet(url, Map.of());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(new String(expired.body(), StandardCharsets.UTF_8)).contains("<Code>AccessDenied</Code>").contains("expired");
        String fresh = urlIn(server.jobs().describeJobExecution(r -> r.thingName("http-device").jobId("fw-http")
                .includeJobDocument(true)).execution().jobDocument());
        assertThat(s3.anonymousGet(fresh, Map.of()).body()).isEqualTo(FIRMWARE);
    }

    @Test
    void mqttRepliesAndNotifyNextCarryFreshUrls() {
        fleet.thing("mqtt-device");
        try (MqttDevice device = MqttDevice.connect(server.mqttPort(), "mqtt-device").subscribeToJobs()) {
            server.iot().createJob(r -> r.jobId("fw-mqtt").targets(fleet.arnOf("mqtt-device")).document(DOCUMENT)
                    .presignedUrlConfig(c -> c.roleArn(ROLE)));
            JsonNode next = device.awaitMessage(device.prefix() + "/notify-next", 1).json();
            String notified = next.path("execution").path("jobDocument").path("url").asText();
            assertThat(notified).startsWith(server.endpoint() + "/firmware/fw/2.0.bin?").contains("X-Amz-Expires=3600");

            MqttDevice.Message started = device.request("start-next", "{}");
            assertThat(started.topic()).endsWith("/accepted");
            String url = started.json().path("execution").path("jobDocument").path("url").asText();
            assertThat(s3.anonymousGet(url, Map.of()).body()).isEqualTo(FIRMWARE);

            MqttDevice.Message described = device.request("fw-mqtt/get", "{\"includeJobDocument\":true}");
            assertThat(s3.anonymousGet(described.json().path("execution").path("jobDocument").path("url").asText(), Map.of()).body())
                    .isEqualTo(FIRMWARE);
        }
        assertThat(server.iot().getJobDocument(r -> r.jobId("fw-mqtt")).document()).isEqualTo(DOCUMENT);
    }

    @Test
    void aPlaceholderForAMissingObjectGetsAUrlThatAnswersNoSuchKey() {
        fleet.thing("late-device");
        String missing = DOCUMENT.replace("fw/2.0.bin", "fw/3.0.bin");
        server.iot().createJob(r -> r.jobId("fw-late").targets(fleet.arnOf("late-device")).document(missing)
                .presignedUrlConfig(c -> c.roleArn(ROLE)));
        String url = urlIn(server.jobs().describeJobExecution(r -> r.thingName("late-device").jobId("fw-late")
                .includeJobDocument(true)).execution().jobDocument());
        HttpResponse<byte[]> notThere = s3.anonymousGet(url, Map.of());
        assertThat(notThere.statusCode()).isEqualTo(404);
        assertThat(new String(notThere.body(), StandardCharsets.UTF_8)).contains("<Code>NoSuchKey</Code>");
        s3.put("firmware", "fw/3.0.bin", FIRMWARE);
        assertThat(s3.anonymousGet(url, Map.of()).body()).isEqualTo(FIRMWARE);
    }

    @Test
    void updateJobAndTemplatesCarryThePresignedUrlConfig() {
        fleet.thing("template-device");
        server.iot().createJobTemplate(r -> r.jobTemplateId("firmware-files").description("firmware with its file")
                .document(DOCUMENT.replace("fw/2.0.bin", "fw/${aws:iot:parameter:version}.bin"))
                .presignedUrlConfig(c -> c.roleArn(ROLE).expiresInSec(600L)));
        assertThat(server.iot().describeJobTemplate(r -> r.jobTemplateId("firmware-files")).presignedUrlConfig().expiresInSec())
                .isEqualTo(600L);
        server.iot().createJob(r -> r.jobId("fw-template").targets(fleet.arnOf("template-device"))
                .jobTemplateArn("arn:aws:iot:us-east-1:000000000000:jobtemplate/firmware-files")
                .documentParameters(Map.of("version", "2.0")));
        assertThat(server.iot().describeJob(r -> r.jobId("fw-template")).job().presignedUrlConfig().expiresInSec()).isEqualTo(600L);
        String url = urlIn(server.jobs().describeJobExecution(r -> r.thingName("template-device").jobId("fw-template")
                .includeJobDocument(true)).execution().jobDocument());
        assertThat(url).contains("X-Amz-Expires=600");
        assertThat(s3.anonymousGet(url, Map.of()).body()).isEqualTo(FIRMWARE);

        server.iot().updateJob(r -> r.jobId("fw-template").presignedUrlConfig(c -> c.roleArn(ROLE).expiresInSec(60L)));
        assertThat(server.iot().describeJob(r -> r.jobId("fw-template")).job().presignedUrlConfig().expiresInSec()).isEqualTo(60L);
        assertThat(urlIn(server.jobs().describeJobExecution(r -> r.thingName("template-device").jobId("fw-template")
                .includeJobDocument(true)).execution().jobDocument())).contains("X-Amz-Expires=60&");
    }

    @Test
    void badPresignedJobsAreRefusedAsTheModelAndLimitsSay() {
        fleet.thing("refused-device");
        String target = fleet.arnOf("refused-device");
        assertThatThrownBy(() -> server.iot().createJob(r -> r.jobId("no-config").targets(target).document(DOCUMENT)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("presignedUrlConfig is required");
        assertThatThrownBy(() -> server.iot().createJob(r -> r.jobId("too-short").targets(target).document(DOCUMENT)
                .presignedUrlConfig(c -> c.roleArn(ROLE).expiresInSec(59L))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("presignedUrlConfig.expiresInSec");
        assertThatThrownBy(() -> server.iot().createJob(r -> r.jobId("short-role").targets(target).document(DOCUMENT)
                .presignedUrlConfig(c -> c.roleArn("arn:role"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("presignedUrlConfig.roleArn");
        StringBuilder eleven = new StringBuilder("{");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":\"").append(PLACEHOLDER).append('"');
        }
        assertThatThrownBy(() -> server.iot().createJob(r -> r.jobId("eleven").targets(target).document(eleven + "}")
                .presignedUrlConfig(c -> c.roleArn(ROLE))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> server.iot().createJob(r -> r.jobId("not-s3").targets(target)
                .document("{\"url\":\"${aws:iot:s3-presigned-url:https://example.com/fw.bin}\"}").presignedUrlConfig(c -> c.roleArn(ROLE))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("not an S3 endpoint");
        assertThatThrownBy(() -> server.iot().updateJob(r -> r.jobId("fw-none").presignedUrlConfig(c -> c.roleArn(ROLE).expiresInSec(4000L))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("presignedUrlConfig.expiresInSec");
        assertThat(server.iot().listJobs(r -> r.maxResults(100)).jobs()).extracting(j -> j.jobId())
                .doesNotContain("no-config", "too-short", "short-role", "eleven", "not-s3");
    }

    static String urlIn(String document) {
        Matcher matcher = URL.matcher(document);
        assertThat(matcher.find()).as(document).isTrue();
        return matcher.group(1);
    }

    static URI uri(String url) {
        return URI.create(url);
    }
}
