package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import io.netty.util.Version;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/**
 * {@code notify} and {@code notify-next} exactly when AWS sends them (spec 3.5 and the table of
 * section 5), whatever made the change: the control plane, the HTTP data plane or MQTT. Each
 * scenario ends with a change whose notifications are known, then compares the whole sequence
 * received, so a notification sent when none was due shows as a difference.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttNotificationsTest {

    private RunningServer server;
    private Fleet fleet;
    private int port;

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = RunningServer.withPlainMqtt(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)), true, List.of());
        fleet = new Fleet(server.iot());
        port = server.mqttPort();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void everyRowOfTheNotificationTable() {
        fleet.thing("row-1");
        try (MqttDevice device = MqttDevice.connect(port, "row-1").subscribeToJobs()) {
            // Row 1: created; notify-next only when it becomes the head.
            fleet.job("j1", "{\"n\":1}", "row-1");
            fleet.job("j2", "{\"n\":2}", "row-1");
            fleet.job("j3", "{\"n\":3}", "row-1");
            // Row 3: a non-head execution becomes IN_PROGRESS: notify-next only.
            device.request("j2/update", "{\"status\":\"IN_PROGRESS\"}");
            // Row 4: the head stays the head (StartNext returns it unchanged, detail updates): nothing.
            device.request("start-next", "{}");
            device.request("j2/update", "{\"status\":\"IN_PROGRESS\",\"statusDetails\":{\"step\":\"2\"}}");
            // Row 2: a non-head QUEUED execution is canceled (control plane): notify only.
            server.iot().cancelJobExecution(r -> r.thingName("row-1").jobId("j3"));
            // Row 2: the head reaches a terminal status (HTTP data plane): notify and notify-next.
            server.jobs().updateJobExecution(r -> r.thingName("row-1").jobId("j2").status(JobExecutionStatus.SUCCEEDED));
            // Row 4: the head goes QUEUED -> IN_PROGRESS: nothing.
            device.request("start-next", "{}");
            // Row 5: the head is deleted (force, it is IN_PROGRESS): notify {} and notify-next {timestamp}.
            server.iot().deleteJobExecution(r -> r.thingName("row-1").jobId("j1").executionNumber(1L).force(true));
            // Marker.
            fleet.job("j4", "{\"n\":4}", "row-1");

            List<String> expected = List.of(
                    "notify Q[j1]", "next j1 QUEUED {\"n\":1}",
                    "notify Q[j1, j2]",
                    "notify Q[j1, j2, j3]",
                    "next j2 IN_PROGRESS {\"n\":2}",
                    "notify IP[j2] Q[j1]",
                    "notify Q[j1]", "next j1 QUEUED {\"n\":1}",
                    "notify {}", "next none",
                    "notify Q[j4]", "next j4 QUEUED {\"n\":4}");
            assertThat(notifications(device, expected.size())).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aRemovedThingIsToldItsListIsEmpty() {
        fleet.thing("removed-1");
        try (MqttDevice device = MqttDevice.connect(port, "removed-1").subscribeToJobs()) {
            fleet.job("removed-a", "{\"r\":1}", "removed-1");
            server.iot().deleteThing(r -> r.thingName("removed-1"));
            assertThat(notifications(device, 4)).containsExactly("notify Q[removed-a]", "next removed-a QUEUED {\"r\":1}",
                    "notify {}", "next none");
        }
    }

    @Test
    void aListNotificationNamesAtMostTenExecutionsWithTheSummaryFields() {
        fleet.thing("many-1");
        try (MqttDevice device = MqttDevice.connect(port, "many-1").subscribeToJobs()) {
            for (int i = 1; i <= 11; i++) {
                String jobId = "many-" + i;
                fleet.job(jobId, "{}", "many-1");
            }
            JsonNode eleventh = device.awaitMessage("$aws/things/many-1/jobs/notify", 11).json();
            assertThat(eleventh.get("jobs").get("QUEUED")).hasSize(10);
            JsonNode summary = eleventh.get("jobs").get("QUEUED").get(0);
            assertThat(summary.get("jobId").asText()).isEqualTo("many-1");
            assertThat(summary.get("queuedAt").isIntegralNumber()).isTrue();
            assertThat(summary.get("lastUpdatedAt").isIntegralNumber()).isTrue();
            assertThat(summary.get("versionNumber").asLong()).isEqualTo(1);
            assertThat(summary.get("executionNumber").asLong()).isEqualTo(1);
            assertThat(eleventh.get("timestamp").isIntegralNumber()).isTrue();
            assertThat(device.messages("$aws/things/many-1/jobs/notify-next")).hasSize(1);
        }
    }

    @Test
    void jobAndExecutionEventsReachBackEndSubscribers() {
        fleet.thing("events-1");
        fleet.thing("events-2");
        try (MqttDevice backEnd = MqttDevice.backEnd(port, "monitor-1", RunningServer.ROOT)) {
            backEnd.subscribe("$aws/events/#");
            fleet.job("ev-done", "{}", "events-1");
            server.jobs().updateJobExecution(r -> r.thingName("events-1").jobId("ev-done").status(JobExecutionStatus.SUCCEEDED)
                    .statusDetails(Map.of("result", "ok")));
            JsonNode succeeded = backEnd.awaitMessage("$aws/events/jobExecution/ev-done/succeeded", 1).json();
            assertThat(succeeded.get("eventType").asText()).isEqualTo("JOB_EXECUTION");
            assertThat(succeeded.get("operation").asText()).isEqualTo("succeeded");
            assertThat(succeeded.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(succeeded.get("thingArn").asText()).isEqualTo(fleet.arnOf("events-1"));
            assertThat(succeeded.get("statusDetails").get("result").asText()).isEqualTo("ok");
            JsonNode completed = backEnd.awaitMessage("$aws/events/job/ev-done/completed", 1).json();
            assertThat(completed.get("eventType").asText()).isEqualTo("JOB");
            assertThat(completed.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(completed.get("jobProcessDetails").get("numberOfSucceededThings").asLong()).isEqualTo(1);

            fleet.job("ev-cancel", "{}", "events-2");
            server.iot().cancelJob(r -> r.jobId("ev-cancel"));
            backEnd.awaitMessage("$aws/events/job/ev-cancel/canceled", 1);
            assertThat(backEnd.all()).extracting(MqttDevice.Message::topic).containsSubsequence(
                    "$aws/events/jobExecution/ev-cancel/canceled", "$aws/events/job/ev-cancel/canceled");
            assertThat(backEnd.all()).extracting(MqttDevice.Message::topic).containsSubsequence(
                    "$aws/events/job/ev-cancel/cancellation_in_progress", "$aws/events/job/ev-cancel/canceled");
        }
    }

    @Test
    void vertxAndHiveMqShareOneNettyInThisJvm() {
        // The HTTP planes (Vert.x) and the broker (HiveMQ) both run above: one Netty, the 4.2 line Vert.x brings.
        assertThat(Version.identify()).containsKey("netty-common");
        assertThat(Version.identify().get("netty-common").artifactVersion()).startsWith("4.2.");
        fleet.thing("shared-1");
        try (MqttDevice device = MqttDevice.connect(port, "shared-1").subscribeToJobs()) {
            fleet.job("shared-a", "{}", "shared-1");
            device.awaitMessage("$aws/things/shared-1/jobs/notify-next", 1);
            assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName("shared-1")).queuedJobs()).hasSize(1);
            assertThat(device.request("get", "{}").json().get("queuedJobs")).hasSize(1);
        }
    }

    /** The device's notifications in arrival order, written short; waits for {@code count} of them. */
    static List<String> notifications(MqttDevice device, int count) {
        await().atMost(MqttDevice.WAIT).until(() -> device.all().stream().filter(MqttNotificationsTest::isNotification).count() >= count);
        return device.all().stream().filter(MqttNotificationsTest::isNotification).map(MqttNotificationsTest::describe).toList();
    }

    private static boolean isNotification(MqttDevice.Message message) {
        return message.topic().endsWith("/notify") || message.topic().endsWith("/notify-next");
    }

    private static String describe(MqttDevice.Message message) {
        JsonNode json = message.json();
        assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
        if (message.topic().endsWith("/notify-next")) {
            JsonNode execution = json.get("execution");
            return execution == null ? "next none"
                    : "next " + execution.get("jobId").asText() + " " + execution.get("status").asText() + " " + execution.get("jobDocument");
        }
        JsonNode jobs = json.get("jobs");
        if (jobs.isEmpty()) {
            return "notify {}";
        }
        StringBuilder text = new StringBuilder("notify");
        if (jobs.has("IN_PROGRESS")) {
            text.append(" IP").append(ids(jobs.get("IN_PROGRESS")));
        }
        if (jobs.has("QUEUED")) {
            text.append(" Q").append(ids(jobs.get("QUEUED")));
        }
        return text.toString();
    }

    private static List<String> ids(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(n -> n.get("jobId").asText()).toList();
    }
}
