package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;

/**
 * Runs the README's "Safe rollouts" block, as written: the AWS CLI v2 and {@code ./fleetjobs}
 * (here the built fleetjobs.jar) walk a canary rollout, a pause and a rollback on a {@code --dev} server.
 */
class ReadmeSafeRolloutsTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theCanaryRolloutOfTheReadmeRunsAsWritten() throws Exception {
        String script = ReadmeBlocks.block("safe-rollouts");
        assertThat(script).contains("--dry-run").contains("./fleetjobs job pause").contains("./fleetjobs job rollback");
        ReadmeBlocks.launcher(work);

        try (RunningServer server = RunningServer.startDev(dataDir, Instant.parse("2025-03-10T12:00:00Z"))) {
            String output = ReadmeBlocks.run(script, server, work);
            assertThat(output).contains("Dry run of job vents-fw-5: CreateJob would create it; nothing was created.")
                    .contains("Targets: 1 given, 4 distinct things reached")
                    .contains("Canary stage 1: 2 things; its gate waits for 2 finished and needs 100% succeeded, else PAUSE")
                    .contains("Canary: its gate passed")
                    .contains("gate 1 PASSED at 2025-03-10T12:00:00Z: 2 of 2 finished succeeded (100%, needs 100%), 2 released")
                    .contains("PAUSED since 2025-03-10T12:00:00Z by OPERATOR: vent-2 runs hot")
                    .contains("Created rollback job vents-fw-5-rollback for 3 things of job vents-fw-5 (canceled first)");
            assertThat(output.strip()).as(output).endsWith("3");

            assertThat(server.iot().describeJob(r -> r.jobId("vents-fw-5")).job().status()).isEqualTo(JobStatus.CANCELED);
            assertThat(server.iot().listJobExecutionsForJob(r -> r.jobId("vents-fw-5-rollback")).executionSummaries().stream()
                    .map(JobExecutionSummaryForJob::thingArn).map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).sorted().toList())
                    .containsExactly("vent-1", "vent-2", "vent-3");
        }
    }
}
