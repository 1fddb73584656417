package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.JobStatus;

/** Runs the README's group rollout, as written, with the AWS CLI v2 against a server started in-process. */
class ReadmeGroupRolloutTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theGroupRolloutReachesEveryPumpIncludingOneThatJoinedLater() throws Exception {
        String script = ReadmeBlocks.block("grouprollout");
        assertThat(script).contains("aws iot create-thing-group").contains("--target-selection CONTINUOUS");
        try (RunningServer server = RunningServer.start(dataDir)) {
            String output = ReadmeBlocks.run(script, server, work);
            assertThat(output.strip()).as(output).endsWith("4");
            var job = server.iot().describeJob(r -> r.jobId("pumps-fw-3")).job();
            assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
            assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(4);
            assertThat(server.iot().listThingsInThingGroup(r -> r.thingGroupName("pumps").recursive(true)).things()).hasSize(4);
        }
    }
}
