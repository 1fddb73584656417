package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;

/**
 * Runs the README's "Testing time-based behaviour" block, as written: the AWS CLI v2 and
 * {@code ./fleetjobs dev clock} (here the built fleetjobs.jar) against a {@code --dev} server.
 */
class ReadmeTimeoutDemoTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theDeviceThatWentSilentTimesOutWhenTheClockMovesThreeMinutes() throws Exception {
        String script = ReadmeBlocks.block("timeout-demo");
        assertThat(script).contains("./fleetjobs dev clock advance 3m").contains("--step-timeout-in-minutes 1");
        ReadmeBlocks.fleetjobsLauncher(work);

        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true))) {
            String output = ReadmeBlocks.run(script, server, work);
            assertThat(output.strip()).as(output).endsWith("TIMED_OUT");
            assertThat(server.iot().describeJobExecution(r -> r.thingName("sensor-7").jobId("calibrate-1")).execution().status())
                    .isEqualTo(JobExecutionStatus.TIMED_OUT);
        }
    }
}
