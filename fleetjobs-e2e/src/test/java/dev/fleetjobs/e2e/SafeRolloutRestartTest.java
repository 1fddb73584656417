package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobSummary;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * After {@code kill -9} a paused job is still paused, a canary gate waits where it was and decides
 * after the restart, and rollback links remain; the official AWS SDK reads every one of these jobs.
 */
class SafeRolloutRestartTest {

    private static final String CANARY = "{\"fleetjobs\":{\"canaryConfig\":{\"stages\":[{\"thingCount\":2,\"minSuccessPercentage\":100}]}}}";

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    @Test
    void pausesGatesAndRollbackLinksSurviveKillNine() throws Exception {
        Path document = Files.writeString(logs.resolve("doc.json"), "{\"op\":\"install\"}");
        try (ServerProcess first = ServerProcess.start(dataDir, logs.resolve("first.log"), "--dev");
             IotClient iot = iot(first); IotJobsDataPlaneClient devices = devices(first)) {
            Operator operator = new Operator(first.endpoint());
            iot.createThingGroup(r -> r.thingGroupName("site"));
            for (String thing : List.of("s1", "s2", "s3", "s4", "h1", "r1")) {
                iot.createThing(r -> r.thingName(thing));
                if (thing.startsWith("s")) {
                    iot.addThingToThingGroup(r -> r.thingGroupName("site").thingName(thing));
                }
            }
            Path config = Files.writeString(logs.resolve("canary.json"), CANARY);
            assertThat(operator.cli("job", "create", "canary", "--document", document.toString(), "--group", "site", "--config",
                    config.toString()).exitCode()).isZero();
            devices.updateJobExecution(r -> r.thingName("s1").jobId("canary").status("SUCCEEDED"));
            new Fleet(iot).job("held", "{}", "h1");
            operator.pause("held", "wait for it");
            new Fleet(iot).job("orig", "{}", "r1");
            devices.updateJobExecution(r -> r.thingName("r1").jobId("orig").status("SUCCEEDED"));
            assertThat(operator.cli("job", "rollback", "orig", "--document", document.toString()).exitCode()).isZero();
            assertThat(offered(iot, "canary")).containsExactly("s1", "s2");

            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (ServerProcess second = ServerProcess.start(dataDir, logs.resolve("second.log"), "--dev");
             IotClient iot = iot(second); IotJobsDataPlaneClient devices = devices(second)) {
            Operator operator = new Operator(second.endpoint());
            for (JobSummary job : iot.listJobs(r -> r.maxResults(10)).jobs()) {
                assertThat(iot.describeJob(r -> r.jobId(job.jobId())).job().jobId()).isEqualTo(job.jobId());
                iot.listJobExecutionsForJob(r -> r.jobId(job.jobId()));
            }
            assertThat(iot.listJobs(r -> r.maxResults(10)).jobs()).extracting(JobSummary::jobId)
                    .containsExactly("canary", "held", "orig", "orig-rollback");

            assertThat(devices.getPendingJobExecutions(r -> r.thingName("h1")).queuedJobs()).as("still paused").isEmpty();
            assertThat(operator.describeJob("held").path("fleetjobs").path("pause").path("reason").asText()).isEqualTo("wait for it");
            operator.resume("held");
            assertThat(devices.getPendingJobExecutions(r -> r.thingName("h1")).queuedJobs()).hasSize(1);

            JsonNode canary = operator.describeJob("canary").path("fleetjobs").path("canary");
            assertThat(canary.path("state").asText()).isEqualTo("WAITING_FOR_GATE");
            assertThat(canary.path("stageReleased").asLong()).isEqualTo(2);
            assertThat(offered(iot, "canary")).as("nothing offered again by the restart").containsExactly("s1", "s2");
            devices.updateJobExecution(r -> r.thingName("s2").jobId("canary").status("SUCCEEDED"));
            assertThat(offered(iot, "canary")).containsExactly("s1", "s2", "s3", "s4");
            assertThat(operator.describeJob("canary").path("fleetjobs").path("canary").path("decisions").get(0).path("outcome").asText())
                    .isEqualTo("PASSED");

            assertThat(operator.describeJob("orig").path("fleetjobs").path("rollbacks").get(0).path("jobId").asText())
                    .isEqualTo("orig-rollback");
            assertThat(operator.describeJob("orig-rollback").path("fleetjobs").path("rollbackOf").path("thingCount").asLong()).isEqualTo(1);
            assertThat(offered(iot, "orig-rollback")).containsExactly("r1");
        }
    }

    private static List<String> offered(IotClient iot, String jobId) {
        return iot.listJobExecutionsForJob(r -> r.jobId(jobId)).executionSummaries().stream().map(JobExecutionSummaryForJob::thingArn)
                .map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).sorted().toList();
    }

    private static IotClient iot(ServerProcess process) {
        return IotClient.builder().endpointOverride(process.endpoint()).region(Region.US_EAST_1).credentialsProvider(RunningServer.credentials())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static IotJobsDataPlaneClient devices(ServerProcess process) {
        return IotJobsDataPlaneClient.builder().endpointOverride(process.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningServer.credentials()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
