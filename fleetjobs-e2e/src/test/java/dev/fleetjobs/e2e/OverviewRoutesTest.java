package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.scheduler.SettableClock;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/** The /_fleetjobs views, signed with SigV4 as scripts call them, and through the console as its pages do. */
class OverviewRoutesTest {

    private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

    private static Path dataDir;
    private static RunningServer server;
    private static RawClient raw;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("fleetjobs-overview");
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                        .withJobClock(SettableClock.fixedAt(START)),
                new dev.fleetjobs.server.mqtt.MqttSettings(0, dev.fleetjobs.server.mqtt.MqttSettings.OFF, null, null, null, false, List.of()));
        raw = new RawClient(server.endpoint());
        for (String thing : List.of("valve-1", "valve-2", "valve-3")) {
            server.iot().createThing(r -> r.thingName(thing));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
        TempDirs.delete(dataDir);
    }

    private static JsonNode get(String pathAndQuery) {
        HttpResponse<String> response = raw.signed("iot", "GET", pathAndQuery, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ConsoleClient.json(response);
    }

    private static String arn(String thing) {
        return "arn:aws:iot:us-east-1:000000000000:thing/" + thing;
    }

    private static void run(String thing, String jobId, JobExecutionStatus status, Map<String, String> details) {
        server.jobs().startNextPendingJobExecution(r -> r.thingName(thing));
        server.jobs().updateJobExecution(r -> r.thingName(thing).jobId(jobId).status(status).statusDetails(details));
    }

    @Test
    void theTimelineHoldsTheSampledCountsOverTimeAndEndsWithTheCountsOfNow() {
        server.iot().createJob(r -> r.jobId("rollout-timeline").targets(arn("valve-1"), arn("valve-2"), arn("valve-3")).document("{}"));
        sample();
        server.advanceClock(60);
        run("valve-1", "rollout-timeline", JobExecutionStatus.SUCCEEDED, Map.of());
        sample();
        server.advanceClock(60);
        run("valve-2", "rollout-timeline", JobExecutionStatus.FAILED, Map.of("reason", "disk full"));
        server.jobs().startNextPendingJobExecution(r -> r.thingName("valve-3"));
        server.advanceClock(60);

        JsonNode timeline = get("/_fleetjobs/jobs/rollout-timeline/timeline?points=6");
        assertThat(timeline.get("stepSeconds").asLong()).isEqualTo(30);
        assertThat(timeline.get("times")).hasSize(6);
        // Point 4 is the last sample before now: the test's at +60 s, or one the server's own sampler took at +120 s.
        assertThat(without4(timeline.at("/series/QUEUED"))).containsExactly(3L, 3L, 2L, 2L, 0L);
        assertThat(without4(timeline.at("/series/SUCCEEDED"))).containsExactly(0L, 0L, 1L, 1L, 1L);
        assertThat(without4(timeline.at("/series/FAILED"))).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(without4(timeline.at("/series/IN_PROGRESS"))).containsExactly(0L, 0L, 0L, 0L, 1L);
        assertThat(timeline.at("/counts/IN_PROGRESS").asLong()).isEqualTo(1);
        assertThat(timeline.get("times").get(5).decimalValue().longValue()).isEqualTo(START.getEpochSecond() + 180);

        JsonNode overview = get("/_fleetjobs/overview?maxFailures=1");
        assertThat(overview.at("/jobs/IN_PROGRESS").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overview.at("/executions/FAILED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(overview.get("latestFailures")).hasSize(1);
        JsonNode failure = overview.get("latestFailures").get(0);
        assertThat(failure.get("thingName").asText()).isEqualTo("valve-2");
        assertThat(failure.get("jobId").asText()).isEqualTo("rollout-timeline");
        assertThat(failure.at("/statusDetails/reason").asText()).isEqualTo("disk full");
        assertThat(overview.get("mqtt").asText()).isEqualTo("embedded");
    }

    @Test
    void jobsArePagedFilteredAndSearchedWithTheirCounts() {
        for (String id : List.of("fw-a-1", "fw-a-2", "fw-b-1")) {
            server.iot().createJob(r -> r.jobId(id).targets(arn("valve-1")).document("{}"));
        }
        JsonNode first = get("/_fleetjobs/jobs?jobIdPrefix=fw-a&maxResults=1");
        assertThat(first.get("jobs")).hasSize(1);
        assertThat(first.at("/jobs/0/jobId").asText()).isEqualTo("fw-a-1");
        assertThat(first.at("/jobs/0/progress/QUEUED").asLong()).isEqualTo(1);
        JsonNode second = get("/_fleetjobs/jobs?jobIdPrefix=fw-a&maxResults=1&nextToken="
                + java.net.URLEncoder.encode(first.get("nextToken").asText(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(second.at("/jobs/0/jobId").asText()).isEqualTo("fw-a-2");
        assertThat(second.has("nextToken")).isFalse();
        assertThat(get("/_fleetjobs/jobs?status=COMPLETED&jobIdPrefix=fw").get("jobs")).isEmpty();
    }

    @Test
    void badParametersAreRefusedInTheAwsShape() {
        assertError(raw.signed("iot", "GET", "/_fleetjobs/overview?maxFailures=51", null), 400, "InvalidRequestException");
        assertError(raw.signed("iot", "GET", "/_fleetjobs/jobs?status=DONE", null), 400, "InvalidRequestException");
        assertError(raw.signed("iot", "GET", "/_fleetjobs/jobs?jobIdPrefix=a%20b", null), 400, "InvalidRequestException");
        assertError(raw.signed("iot", "GET", "/_fleetjobs/jobs?thingGroupName=nowhere", null), 404, "ResourceNotFoundException");
        assertError(raw.signed("iot", "GET", "/_fleetjobs/jobs/nothing/timeline", null), 404, "ResourceNotFoundException");
        assertError(raw.signed("iot", "GET", "/_fleetjobs/jobs/x/timeline?points=1", null), 400, "InvalidRequestException");
        assertError(raw.signed("iot-jobs-data", "GET", "/_fleetjobs/overview", null), 404, "UnknownOperationException");
    }

    @Test
    void connectedDevicesCountsMqttConnectionsAsTheyComeAndGo() {
        try (MqttDevice one = MqttDevice.connect(server.mqttPort(), "valve-1")) {
            try (MqttDevice two = MqttDevice.connect(server.mqttPort(), "valve-2")) {
                await().atMost(Duration.ofSeconds(10)).until(() -> get("/_fleetjobs/overview").get("connectedDevices").asLong() == 2);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> get("/_fleetjobs/overview").get("connectedDevices").asLong() == 1);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/_fleetjobs/overview").get("connectedDevices").asLong() == 0);
    }

    @Test
    void theConsoleAndSigV4GetTheSameAnswers() {
        ConsoleClient console = new ConsoleClient(server.endpoint());
        assertThat(console.signIn(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY).statusCode()).isEqualTo(200);
        for (String path : List.of("/_fleetjobs/jobs?maxResults=3", "/jobs?maxResults=3", "/things/valve-1")) {
            assertThat(ConsoleClient.json(console.api("GET", path, null))).isEqualTo(get(path));
        }
    }

    /** What the server's sampler does every few seconds, now; the job clock only moves when the test moves it. */
    private static void sample() {
        server.server().progressSampler().runOnce().join();
    }

    private static void assertError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(ConsoleClient.json(response).get("message").asText()).isNotBlank();
    }

    private static List<Long> without4(JsonNode array) {
        List<Long> values = new java.util.ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        values.remove(4);
        return values;
    }
}
