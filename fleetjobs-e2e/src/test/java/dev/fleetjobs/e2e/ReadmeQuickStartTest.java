package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's quick start, as written, with the AWS CLI v2 (Debian's {@code /usr/bin/aws})
 * against a server started in-process.
 */
class ReadmeQuickStartTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theQuickStartRunsAndTheJobCompletes() throws Exception {
        String script = ReadmeScript.block("quickstart");
        assertThat(script).contains("aws iot create-job").contains("aws iot-jobs-data");
        try (RunningServer server = RunningServer.start(dataDir)) {
            String output = ReadmeScript.run(script, server, work);
            assertThat(output.strip()).as(output).endsWith("COMPLETED");
            assertThat(server.iot().describeJob(r -> r.jobId("firmware-2")).job().jobProcessDetails().numberOfSucceededThings())
                    .isEqualTo(1);
        }
    }
}
