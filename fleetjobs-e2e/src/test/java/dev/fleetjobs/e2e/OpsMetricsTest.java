package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.ops.OpsOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * {@code GET /metrics} of the admin listener after a scripted set of requests through the official
 * SDK clients, raw HTTP and MQTT: each counter moved by exactly what was sent, and the request log
 * has one line per request with no secret in it.
 */
class OpsMetricsTest {

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static URI admin;
    private static final ListAppender<ILoggingEvent> ACCESS = new ListAppender<>();

    @BeforeAll
    static void start() {
        Logger access = (Logger) LoggerFactory.getLogger("fleetjobs.access");
        ACCESS.start();
        access.addAppender(ACCESS);
        ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withOps(OpsOptions.defaults().withAdmin("127.0.0.1", 0).withAccessLog(true));
        server = RunningServer.start(config, new MqttSettings(0, MqttSettings.OFF, null, null, null, false, List.of()));
        admin = URI.create("http://127.0.0.1:" + server.server().adminPort());
    }

    @AfterAll
    static void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger("fleetjobs.access")).detachAppender(ACCESS);
    }

    @Test
    void countersMoveByExactlyWhatWasSent() throws Exception {
        Fleet fleet = new Fleet(server.iot());
        Scrape before = Scrape.of(admin);

        fleet.thing("metrics-1");
        fleet.thing("metrics-2");
        server.iot().describeThing(r -> r.thingName("metrics-1"));
        server.iot().describeThing(r -> r.thingName("metrics-2"));
        assertThatThrownBy(() -> server.iot().describeThing(r -> r.thingName("metrics-absent")))
                .isInstanceOf(ResourceNotFoundException.class);
        fleet.job("metrics-job", "{\"step\":1}", "metrics-1");
        server.jobs().getPendingJobExecutions(r -> r.thingName("metrics-1"));
        server.jobs().getPendingJobExecutions(r -> r.thingName("metrics-1"));
        server.jobs().getPendingJobExecutions(r -> r.thingName("metrics-1"));
        // A made-up signature without its date header: refused as IncompleteSignatureException.
        HttpResponse<String> unsigned = Scrape.HTTP.send(HttpRequest.newBuilder(server.endpoint().resolve("/things?X-Amz-Signature=s3cr3t"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=FJIANOSUCHKEY0000001/20260101/us-east-1/iot/aws4_request, "
                        + "SignedHeaders=host, Signature=deadbeefdeadbeef").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unsigned.statusCode()).isEqualTo(403);

        try (MqttDevice device = MqttDevice.connect(server.mqttPort(), "metrics-2").subscribeToJobs()) {
            assertThat(device.request("get", "{}").topic()).endsWith("/accepted");
            assertThat(device.request("get", "{}").topic()).endsWith("/accepted");
            assertThat(device.request("no-such-job/update", "{\"status\":\"IN_PROGRESS\"}").topic()).endsWith("/rejected");
            await().atMost(Duration.ofSeconds(10)).until(() -> Scrape.of(admin).value("fleetjobs_mqtt_connections") == 1);
        }
        assertThatThrownBy(() -> MqttDevice.connect(server.mqttPort(), "not a thing name!")).isInstanceOf(RuntimeException.class);

        Scrape after = Scrape.of(admin);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "control", "operation", "CreateThing", "status", "200"))
                .isEqualTo(2);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "control", "operation", "DescribeThing", "status", "200"))
                .isEqualTo(2);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "control", "operation", "DescribeThing", "status", "404"))
                .isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "control", "operation", "CreateJob", "status", "200"))
                .isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "data", "operation", "GetPendingJobExecutions",
                "status", "200")).isEqualTo(3);
        assertThat(after.delta(before, "fleetjobs_http_requests_total", "plane", "control", "operation", "unknown", "status", "403"))
                .isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_http_request_duration_seconds_count", "plane", "control", "operation", "DescribeThing"))
                .isEqualTo(3);
        assertThat(after.delta(before, "fleetjobs_http_request_duration_seconds_count", "plane", "data", "operation",
                "GetPendingJobExecutions")).isEqualTo(3);
        assertThat(after.delta(before, "fleetjobs_auth_refusals_total", "reason", "IncompleteSignatureException")).isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_auth_refusals_total", "reason", "MqttClientIdNotThing")).isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_mqtt_requests_total", "operation", "GetPendingJobExecutions", "outcome", "accepted"))
                .isEqualTo(2);
        assertThat(after.delta(before, "fleetjobs_mqtt_requests_total", "operation", "UpdateJobExecution", "outcome", "rejected"))
                .isEqualTo(1);
        assertThat(after.delta(before, "fleetjobs_mqtt_requests_total", "operation", "UpdateJobExecution", "outcome", "accepted"))
                .isEqualTo(0);
        // The job's notify and notify-next for metrics-1.
        assertThat(after.delta(before, "fleetjobs_notifications_published_total")).isGreaterThanOrEqualTo(1);
        // Two things, one job (with its execution): at least three commits of at least one unit each.
        assertThat(after.delta(before, "fleetjobs_store_commit_units_sum")).isGreaterThanOrEqualTo(3);
        assertThat(after.delta(before, "fleetjobs_store_commit_duration_seconds_count")).isGreaterThanOrEqualTo(3);
        assertThat(after.has("fleetjobs_store_write_queue_depth")).isTrue();
        assertThat(after.has("fleetjobs_timers_fired_total")).isTrue();
        assertThat(after.has("fleetjobs_rollout_waiting_targets")).isTrue();
        assertThat(after.has("jvm_memory_used_bytes")).isTrue();
        assertThat(after.has("process_cpu_seconds_total")).isTrue();
        // Counted from the store's counters, read at most every few seconds.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Scrape now = Scrape.of(admin);
            assertThat(now.value("fleetjobs_jobs", "status", "IN_PROGRESS")).isEqualTo(1);
            assertThat(now.value("fleetjobs_job_executions", "status", "QUEUED")).isEqualTo(1);
        });

        List<String> lines = ACCESS.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).filteredOn(l -> l.contains("operation=CreateThing status=200")).hasSize(2);
        assertThat(lines).filteredOn(l -> l.contains("plane=data operation=GetPendingJobExecutions status=200")
                && l.contains("principal=" + RunningServer.ACCESS_KEY)).hasSize(3);
        assertThat(lines).filteredOn(l -> l.contains("principal=metrics-2 plane=mqtt operation=UpdateJobExecution status=ResourceNotFound"))
                .hasSize(1);
        assertThat(lines).filteredOn(l -> l.contains("plane=mqtt operation=GetPendingJobExecutions status=accepted")).hasSize(2);
        assertThat(lines).allMatch(l -> l.matches("requestId=\\S+ principal=\\S+ plane=\\S+ operation=\\S+ status=\\S+ latencyMs=[0-9.]+"));
        assertThat(String.join("\n", lines)).doesNotContain(RunningServer.SECRET_KEY, "s3cr3t", "deadbeef", "Signature", "Authorization",
                "/things");
    }

    @Test
    void healthAnswersWithoutSignatures() {
        assertThat(Scrape.get(admin.resolve("/health/live")).statusCode()).isEqualTo(200);
        HttpResponse<String> ready = Scrape.get(admin.resolve("/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(Scrape.get(admin.resolve("/nothing")).statusCode()).isEqualTo(404);
    }
}
