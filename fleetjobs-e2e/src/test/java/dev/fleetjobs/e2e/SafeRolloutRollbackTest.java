package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;

/**
 * Rollback jobs through {@code fleetjobs job rollback} and raw signed HTTP: each targets exactly
 * the things whose latest execution of the original has one of the statuses, the original is
 * canceled first when asked, and the link shows from both jobs.
 */
class SafeRolloutRollbackTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    private static List<String> things(IotClient iot, String jobId) {
        return iot.listJobExecutionsForJob(r -> r.jobId(jobId)).executionSummaries().stream().map(JobExecutionSummaryForJob::thingArn)
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).sorted().toList();
    }

    @Test
    void aRollbackJobTargetsExactlyTheRightThings() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir)) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            List.of("r1", "r2", "r3", "r4").forEach(fleet::thing);
            fleet.job("fw", "{\"version\":\"2.0\"}", "r1", "r2", "r3", "r4");
            server.jobs().updateJobExecution(r -> r.thingName("r1").jobId("fw").status("SUCCEEDED"));
            server.jobs().updateJobExecution(r -> r.thingName("r2").jobId("fw").status("FAILED"));
            server.jobs().updateJobExecution(r -> r.thingName("r3").jobId("fw").status("IN_PROGRESS"));
            Operator operator = new Operator(server.endpoint());

            Path undo = Files.writeString(work.resolve("undo.json"), "{\"version\":\"1.0\"}");
            Cli.Result cli = operator.cli("job", "rollback", "fw", "--document", undo.toString(), "--cancel-original",
                    "--description", "back to 1.0");
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out().strip()).isEqualTo("Created rollback job fw-rollback for 2 things of job fw (canceled first)");
            assertThat(things(iot, "fw-rollback")).containsExactly("r1", "r3");
            Job rollback = iot.describeJob(r -> r.jobId("fw-rollback")).job();
            assertThat(rollback.description()).isEqualTo("back to 1.0");
            assertThat(rollback.targets()).containsExactly(fleet.arnOf("r1"), fleet.arnOf("r3"));
            assertThat(iot.getJobDocument(r -> r.jobId("fw-rollback")).document()).isEqualTo("{\"version\":\"1.0\"}");
            Job original = iot.describeJob(r -> r.jobId("fw")).job();
            assertThat(original.status()).isEqualTo(JobStatus.CANCELED);
            assertThat(original.reasonCode()).isEqualTo("ROLLED_BACK");
            assertThat(iot.describeJobExecution(r -> r.thingName("r4").jobId("fw")).execution().status())
                    .isEqualTo(JobExecutionStatus.CANCELED);

            JsonNode failedOnes = operator.ok("POST", "/_fleetjobs/jobs/fw/rollback", "{\"document\":\"{\\\"version\\\":\\\"1.0\\\"}\","
                    + "\"statuses\":[\"FAILED\",\"CANCELED\"],\"rollbackJobId\":\"fw-undo-failed\","
                    + "\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":10},\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":15}}");
            assertThat(failedOnes.path("jobId").asText()).isEqualTo("fw-undo-failed");
            assertThat(failedOnes.path("rollbackOf").toString()).contains("\"jobId\":\"fw\"").contains("\"statuses\":[\"FAILED\",\"CANCELED\"]")
                    .contains("\"thingCount\":2").contains("\"originalCanceled\":false");
            assertThat(things(iot, "fw-undo-failed")).containsExactly("r2", "r4");
            assertThat(iot.describeJob(r -> r.jobId("fw-undo-failed")).job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(15);

            JsonNode links = operator.describeJob("fw").path("fleetjobs").path("rollbacks");
            assertThat(links.findValuesAsText("jobId")).containsExactly("fw-rollback", "fw-undo-failed");
            assertThat(operator.describeJob("fw-rollback").path("fleetjobs").path("rollbackOf").path("jobArn").asText())
                    .isEqualTo("arn:aws:iot:us-east-1:000000000000:job/fw");
            assertThat(operator.cli("job", "describe", "fw-rollback").out())
                    .contains("Rolls back job fw: 2 things whose latest execution was SUCCEEDED or IN_PROGRESS (it was canceled first)");
            assertThat(operator.cli("job", "describe", "fw").out()).contains("Rolled back by job fw-rollback (2 things, SUCCEEDED or IN_PROGRESS)")
                    .contains("Rolled back by job fw-undo-failed (2 things, FAILED or CANCELED)");
            assertThat(iot.listJobs(r -> r.maxResults(10)).jobs()).hasSize(3);
        }
    }

    @Test
    void refusalsComeInTheAwsErrorShapeAndChangeNothing() throws Exception {
        try (RunningServer server = RunningServer.start(dataDir)) {
            Fleet fleet = new Fleet(server.iot());
            fleet.thing("r1");
            fleet.job("fw", "{}", "r1");
            fleet.job("taken", "{}", "r1");
            Operator operator = new Operator(server.endpoint());
            String before = StoreDump.of(dataDir);
            refused(operator.send("POST", "/_fleetjobs/jobs/fw/rollback", "{\"document\":\"{}\",\"statuses\":[\"NOPE\"]}"), 400,
                    "InvalidRequestException", "statuses.1.member");
            refused(operator.send("POST", "/_fleetjobs/jobs/nobody/rollback", "{\"document\":\"{}\"}"), 404, "ResourceNotFoundException",
                    "Job nobody cannot be found.");
            refused(operator.send("POST", "/_fleetjobs/jobs/fw/rollback", "{\"document\":\"{}\",\"cancelOriginal\":true}"), 400,
                    "InvalidRequestException", "nothing to roll back");
            refused(operator.send("POST", "/_fleetjobs/jobs/fw/rollback", "{\"statuses\":[\"QUEUED\"]}"), 400,
                    "InvalidRequestException", "'document'");
            refused(operator.send("POST", "/_fleetjobs/jobs/fw/rollback", "{\"document\":\"{}\",\"statuses\":[\"QUEUED\"],"
                    + "\"rollbackJobId\":\"taken\"}"), 409, "ResourceAlreadyExistsException", "Job taken already exists.");
            assertThat(StoreDump.of(dataDir)).isEqualTo(before);
            assertThat(server.iot().describeJob(r -> r.jobId("fw")).job().status()).isEqualTo(JobStatus.IN_PROGRESS);
            Cli.Result cli = operator.cli("job", "rollback", "fw", "--document", Files.writeString(work.resolve("d.json"), "{}").toString(),
                    "--status", "TIMED_OUT,REJECTED");
            assertThat(cli.exitCode()).isEqualTo(1);
            assertThat(cli.err()).contains("InvalidRequestException").contains("nothing to roll back");
        }
    }

    private static void refused(HttpResponse<String> response, int status, String errorType, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(errorType);
        assertThat(Operator.json(response.body()).path("message").asText()).contains(message);
    }
}
