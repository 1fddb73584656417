package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.scheduler.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecutionStatus;

/**
 * Canary gates through {@code fleetjobs job create --config}, templates and raw signed HTTP, on a
 * {@code --dev} server whose clock the test moves: a stage of five with two failures pauses the
 * job and the rest of the group is never offered; a passing stage lets the rest out; the gate's
 * decision shows in DescribeJob's {@code fleetjobs} member, the CLI and a
 * {@code $aws/events/job/{jobId}/fleetjobs/canary_gate} event, while the AWS SDK and AWS CLI v2
 * read the same jobs as ordinary ones.
 */
class SafeRolloutCanaryTest {

    private static final List<String> VALVES = IntStream.rangeClosed(1, 12).mapToObj(i -> String.format("valve-%02d", i)).toList();
    private static final String CANARY = "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":4},"
            + "\"fleetjobs\":{\"canaryConfig\":{\"stages\":[{\"thingCount\":5,\"minSuccessPercentage\":80}]}}}";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private RunningServer server;
    private Operator operator;
    private IotClient iot;

    @AfterEach
    void stop() {
        server.close();
    }

    @BeforeEach
    void start() {
        server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                .withJobClock(SettableClock.fixedAt(Instant.parse("2025-03-10T12:00:00Z"))), true, List.of());
        operator = new Operator(server.endpoint());
        iot = server.iot();
        iot.createThingGroup(r -> r.thingGroupName("valves"));
        for (String valve : VALVES) {
            iot.createThing(r -> r.thingName(valve));
            iot.addThingToThingGroup(r -> r.thingGroupName("valves").thingName(valve));
        }
    }

    private List<String> offered(String jobId) {
        return iot.listJobExecutionsForJob(r -> r.jobId(jobId)).executionSummaries().stream().map(JobExecutionSummaryForJob::thingArn)
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }

    private void report(String jobId, JobExecutionStatus status, String... things) {
        for (String thing : things) {
            server.jobs().updateJobExecution(r -> r.thingName(thing).jobId(jobId).status(status));
        }
    }

    @Test
    void aStageOfFiveWithTwoFailuresPausesTheJobAndTheRestIsNeverOffered() throws Exception {
        try (MqttDevice backEnd = MqttDevice.backEnd(server.mqttPort(), "back-end", RunningServer.ROOT)) {
            backEnd.subscribe("$aws/events/#");
            Path document = Files.writeString(work.resolve("fw.json"), "{\"operation\":\"install\",\"version\":\"4.0\"}");
            Path config = Files.writeString(work.resolve("canary.json"), CANARY);
            Cli.Result created = operator.cli("job", "create", "fw-4", "--document", document.toString(), "--group", "valves",
                    "--config", config.toString());
            assertThat(created.exitCode()).as(created.err()).isZero();
            assertThat(offered("fw-4")).as("the canaries, within the rate of four a minute").hasSize(4);
            server.advanceClock(60);
            assertThat(offered("fw-4")).containsExactlyElementsOf(VALVES.subList(0, 5));

            report("fw-4", JobExecutionStatus.SUCCEEDED, "valve-01", "valve-02", "valve-03");
            report("fw-4", JobExecutionStatus.FAILED, "valve-04", "valve-05");

            JsonNode job = operator.describeJob("fw-4");
            JsonNode fleetjobs = job.path("fleetjobs");
            assertThat(fleetjobs.path("pause").path("cause").asText()).isEqualTo("CANARY_GATE");
            assertThat(fleetjobs.path("pause").path("reason").asText())
                    .isEqualTo("Canary stage 1 gate failed: 3 of 5 finished things succeeded (60%), below 80%.");
            JsonNode decision = fleetjobs.path("canary").path("decisions").get(0);
            assertThat(decision.toString()).contains("\"stage\":1").contains("\"outcome\":\"FAILED\"").contains("\"action\":\"PAUSE\"")
                    .contains("\"released\":5,\"finished\":5,\"succeeded\":3,\"successPercentage\":60")
                    .contains("\"minFinishedThings\":5,\"minSuccessPercentage\":80");
            assertThat(decision.path("decidedAt").decimalValue().longValue()).isEqualTo(Instant.parse("2025-03-10T12:01:00Z").getEpochSecond());
            assertThat(fleetjobs.path("canary").path("state").asText()).isEqualTo("GATE_FAILED");
            assertThat(fleetjobs.path("canaryConfig").toString())
                    .isEqualTo("{\"stages\":[{\"thingCount\":5,\"minSuccessPercentage\":80.0}]}");

            JsonNode gate = backEnd.awaitMessage("$aws/events/job/fw-4/fleetjobs/canary_gate", 1).json();
            assertThat(gate.path("operation").asText()).isEqualTo("canary_gate");
            assertThat(gate.path("gate").path("outcome").asText()).isEqualTo("FAILED");
            assertThat(gate.path("gate").path("succeeded").asLong()).isEqualTo(3);
            assertThat(backEnd.awaitMessage("$aws/events/job/fw-4/fleetjobs/paused", 1).json().path("pause").path("cause").asText())
                    .isEqualTo("CANARY_GATE");

            server.advanceClock(24 * 3600);
            assertThat(offered("fw-4")).as("the rest of the group is never offered").hasSize(5);
            assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName("valve-06")).queuedJobs()).isEmpty();
            assertThat(iot.describeJob(r -> r.jobId("fw-4")).job().status()).isEqualTo(JobStatus.IN_PROGRESS);
            Cli.Result described = operator.cli("job", "describe", "fw-4");
            assertThat(described.out()).contains("PAUSED since 2025-03-10T12:01:00Z by CANARY_GATE")
                    .contains("Canary: stage 1 of 1, its gate failed")
                    .contains("gate 1 FAILED at 2025-03-10T12:01:00Z: 3 of 5 finished succeeded (60%, needs 80%), 5 released -> PAUSE");

            // The operator looks, decides to go on anyway: the rest goes out at the rate.
            assertThat(operator.cli("job", "resume", "fw-4").exitCode()).isZero();
            assertThat(offered("fw-4")).hasSize(9);
            server.advanceClock(60);
            assertThat(offered("fw-4")).hasSize(12);
        }
    }

    @Test
    void aPassingStageLetsTheRestOutAndTemplatesCarryTheStages() throws Exception {
        {
            JsonNode created = operator.ok("PUT", "/jobs/fw-5", "{\"targets\":[\"arn:aws:iot:us-east-1:000000000000:thinggroup/valves\"],"
                    + "\"document\":\"{}\"," + CANARY.substring(1, CANARY.length() - 1) + "}");
            assertThat(created.path("jobId").asText()).isEqualTo("fw-5");
            server.advanceClock(60);
            report("fw-5", JobExecutionStatus.SUCCEEDED, "valve-01", "valve-02", "valve-03", "valve-04");
            report("fw-5", JobExecutionStatus.REJECTED, "valve-05");
            JsonNode canary = operator.describeJob("fw-5").path("fleetjobs").path("canary");
            assertThat(canary.path("state").asText()).isEqualTo("PASSED");
            assertThat(canary.path("decisions").get(0).path("outcome").asText()).isEqualTo("PASSED");
            assertThat(offered("fw-5")).as("the fifth canary went out this minute: three more make the rate's four").hasSize(8);
            server.advanceClock(60);
            assertThat(offered("fw-5")).hasSize(12);

            operator.ok("PUT", "/job-templates/valve-canary", "{\"description\":\"canary\",\"document\":\"{}\","
                    + CANARY.substring(1, CANARY.length() - 1) + "}");
            assertThat(iot.describeJobTemplate(r -> r.jobTemplateId("valve-canary")).jobExecutionsRolloutConfig().maximumPerMinute())
                    .isEqualTo(4);
            assertThat(operator.ok("GET", "/job-templates/valve-canary", null).path("fleetjobs").path("canaryConfig").path("stages"))
                    .hasSize(1);
            iot.createJob(r -> r.jobId("from-template").targets("arn:aws:iot:us-east-1:000000000000:thinggroup/valves")
                    .jobTemplateArn("arn:aws:iot:us-east-1:000000000000:jobtemplate/valve-canary"));
            server.advanceClock(60);
            assertThat(offered("from-template")).as("the template's stage of five holds the rest").hasSize(5);
            assertThat(operator.describeJob("from-template").path("fleetjobs").path("canary").path("state").asText())
                    .isEqualTo("WAITING_FOR_GATE");

            // The AWS CLI v2 reads the same job and drops the member it does not know.
            String awsCli = AwsCli.run(server, "iot", "describe-job", "--job-id", "from-template");
            assertThat(awsCli).contains("\"status\": \"IN_PROGRESS\"").doesNotContain("fleetjobs").doesNotContain("canaryConfig").doesNotContain("GATE");
        }
    }
}
