package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobExecutionsRolloutConfig;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * After {@code kill -9}, deadlines still fire and a rollout goes on at its rate without offering a
 * thing twice; the dev clock resumes from where it was moved.
 */
class TimeRestartTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private long movedTo;

    @Test
    void timersAndRolloutsSurviveKillNine() throws Exception {
        try (ServerProcess first = ServerProcess.start(dataDir, logs.resolve("first.log"), "--dev");
             IotClient iot = iot(first); IotJobsDataPlaneClient jobs = jobs(first)) {
            movedTo = new RawClient(first.endpoint()).advanceClock(3600);
            Fleet fleet = new Fleet(iot);
            List.of("pump", "t1", "t2", "t3").forEach(fleet::thing);
            fleet.job("firmware", "{}", "pump");
            iot.createJob(r -> r.jobId("staged").targets(List.of(fleet.arnOf("t1"), fleet.arnOf("t2"), fleet.arnOf("t3"))).document("{}")
                    .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(1).build()));
            jobs.startNextPendingJobExecution(r -> r.thingName("pump").stepTimeoutInMinutes(1L));
            assertThat(offered(iot)).containsExactly("t1");
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (ServerProcess second = ServerProcess.start(dataDir, logs.resolve("second.log"), "--dev");
             IotClient iot = iot(second)) {
            assertThat(offered(iot)).as("nothing offered again by the restart").containsExactly("t1");
            assertThat(iot.describeJobExecution(r -> r.thingName("pump").jobId("firmware")).execution().status())
                    .isEqualTo(JobExecutionStatus.IN_PROGRESS);

            RawClient clock = new RawClient(second.endpoint());
            assertThat(clock.advanceClock(0)).as("the moved clock was kept").isGreaterThanOrEqualTo(movedTo);
            clock.advanceClock(60);
            assertThat(offered(iot)).containsExactly("t1", "t2");
            clock.advanceClock(180);
            assertThat(offered(iot)).containsExactly("t1", "t2", "t3");
            assertThat(iot.describeJobExecution(r -> r.thingName("pump").jobId("firmware")).execution().status())
                    .isEqualTo(JobExecutionStatus.TIMED_OUT);
        }
    }

    private static List<String> offered(IotClient iot) {
        return iot.listJobExecutionsForJob(r -> r.jobId("staged")).executionSummaries().stream()
                .map(JobExecutionSummaryForJob::thingArn).map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }

    private static IotClient iot(ServerProcess process) {
        return IotClient.builder().endpointOverride(process.endpoint()).region(Region.US_EAST_1).credentialsProvider(RunningServer.credentials())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static IotJobsDataPlaneClient jobs(ServerProcess process) {
        return IotJobsDataPlaneClient.builder().endpointOverride(process.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(RunningServer.credentials()).overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
