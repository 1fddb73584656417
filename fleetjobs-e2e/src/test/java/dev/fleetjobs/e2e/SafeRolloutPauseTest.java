package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iotjobsdataplane.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionSummary;

/**
 * Pause and resume through {@code fleetjobs job pause/resume} and raw signed HTTP: a paused job's
 * queued executions leave GetPending, StartNext and {@code notify-next} over HTTP and MQTT while
 * in-progress ones run on; resuming brings them back in the same order; the AWS SDK still reads
 * the job, and back ends hear of both on {@code $aws/events/job/{jobId}/fleetjobs/...}.
 */
class SafeRolloutPauseTest {

    @TempDir
    Path dataDir;

    @Test
    void pauseHidesQueuedExecutionsFromTheDataPlaneAndMqttAndResumeBringsThemBackInOrder() {
        try (RunningServer server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir), true, List.of());
             MqttDevice backEnd = MqttDevice.backEnd(server.mqttPort(), "back-end", RunningServer.ROOT)) {
            backEnd.subscribe("$aws/events/#");
            Fleet fleet = new Fleet(server.iot());
            fleet.thing("p1");
            fleet.thing("p2");
            Operator operator = new Operator(server.endpoint());
            try (MqttDevice device = MqttDevice.connect(server.mqttPort(), "p1").subscribeToJobs()) {
                fleet.job("j1", "{\"n\":1}", "p1", "p2");
                fleet.job("j2", "{\"n\":2}", "p1");
                fleet.job("j3", "{\"n\":3}", "p1");
                server.jobs().startNextPendingJobExecution(r -> r.thingName("p2"));
                assertThat(MqttNotificationsTest.notifications(device, 4)).containsExactly("notify Q[j1]", "next j1 QUEUED {\"n\":1}",
                        "notify Q[j1, j2]", "notify Q[j1, j2, j3]");

                Cli.Result paused = operator.cli("job", "pause", "j1", "--reason", "bad batch");
                assertThat(paused.exitCode()).as(paused.err()).isZero();
                assertThat(paused.out()).contains("Job j1 IN_PROGRESS").contains("PAUSED since").contains("by OPERATOR: bad batch");
                assertThat(MqttNotificationsTest.notifications(device, 6)).endsWith("notify Q[j2, j3]", "next j2 QUEUED {\"n\":2}");

                assertThat(queued(server.jobs().getPendingJobExecutions(r -> r.thingName("p1")))).containsExactly("j2", "j3");
                MqttDevice.Message pending = device.request("get", "{}");
                assertThat(pending.json().path("queuedJobs").findValuesAsText("jobId")).containsExactly("j2", "j3");
                assertThat(server.jobs().describeJobExecution(r -> r.thingName("p1").jobId("$next")).execution().jobId()).isEqualTo("j2");
                MqttDevice.Message started = device.request("start-next", "{}");
                assertThat(started.json().path("execution").path("jobId").asText()).isEqualTo("j2");
                assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName("p2")).inProgressJobs())
                        .as("in progress runs on").extracting(JobExecutionSummary::jobId).containsExactly("j1");

                DescribeJobResponse described = server.iot().describeJob(r -> r.jobId("j1"));
                assertThat(described.job().status()).as("AWS clients see an ordinary running job").isEqualTo(JobStatus.IN_PROGRESS);
                JsonNode pause = operator.describeJob("j1").path("fleetjobs").path("pause");
                assertThat(pause.path("reason").asText()).isEqualTo("bad batch");
                assertThat(pause.path("cause").asText()).isEqualTo("OPERATOR");
                assertThat(operator.cli("job", "describe", "j1").out()).contains("PAUSED since").contains("bad batch");

                JsonNode resumed = operator.resume("j1");
                assertThat(resumed.path("fleetjobs").has("pause")).isFalse();
                assertThat(queued(server.jobs().getPendingJobExecutions(r -> r.thingName("p1")))).containsExactly("j1", "j3");
                // The head (j2, in progress) stays: notify only, with j1 back before j3.
                assertThat(MqttNotificationsTest.notifications(device, 7)).endsWith("next j2 QUEUED {\"n\":2}", "notify IP[j2] Q[j1, j3]");
            }
            JsonNode pausedEvent = backEnd.awaitMessage("$aws/events/job/j1/fleetjobs/paused", 1).json();
            assertThat(pausedEvent.path("eventType").asText()).isEqualTo("FLEETJOBS_JOB");
            assertThat(pausedEvent.path("operation").asText()).isEqualTo("paused");
            assertThat(pausedEvent.path("pause").path("reason").asText()).isEqualTo("bad batch");
            assertThat(backEnd.awaitMessage("$aws/events/job/j1/fleetjobs/resumed", 1).json().path("jobId").asText()).isEqualTo("j1");
        }
    }

    @Test
    void refusalsComeInTheAwsErrorShape() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            new Fleet(server.iot()).thing("p1");
            new Fleet(server.iot()).job("done", "{}", "p1");
            server.jobs().updateJobExecution(r -> r.thingName("p1").jobId("done").status("SUCCEEDED"));
            Operator operator = new Operator(server.endpoint());
            refused(operator.send("POST", "/_fleetjobs/jobs/nobody/pause", null), 404, "ResourceNotFoundException");
            refused(operator.send("POST", "/_fleetjobs/jobs/done/pause", null), 400, "InvalidRequestException");
            new Fleet(server.iot()).job("running", "{}", "p1");
            refused(operator.send("POST", "/_fleetjobs/jobs/running/resume", null), 400, "InvalidRequestException");
            refused(operator.send("POST", "/_fleetjobs/jobs/running/pause", "{\"reason\":7}"), 400, "InvalidRequestException");
            refused(operator.send("GET", "/_fleetjobs/jobs/running/pause", null), 404, "UnknownOperationException");
            Cli.Result cli = operator.cli("job", "resume", "running");
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.err()).contains("InvalidRequestException: Job running is not paused.");
        }
    }

    private static void refused(HttpResponse<String> response, int status, String errorType) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(errorType);
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(Operator.json(response.body()).path("message").asText()).isNotEmpty();
    }

    private static List<String> queued(GetPendingJobExecutionsResponse pending) {
        return pending.queuedJobs().stream().map(JobExecutionSummary::jobId).toList();
    }
}
