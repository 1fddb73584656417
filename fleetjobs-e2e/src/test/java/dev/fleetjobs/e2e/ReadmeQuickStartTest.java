package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's quick start, as written, with the AWS CLI v2 (Debian's {@code /usr/bin/aws})
 * against a server started in-process.
 */
class ReadmeQuickStartTest {

    private static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void theQuickStartRunsAndTheJobCompletes() throws Exception {
        assertThat(AWS_CLI_V2).as("the AWS CLI v2 (Debian package awscli; .ci/run installs it)").isExecutable();
        String script = quickStart();
        assertThat(script).contains("aws iot create-job").contains("aws iot-jobs-data");

        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("aws"), AWS_CLI_V2);
        try (RunningServer server = RunningServer.start(dataDir)) {
            ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                    .directory(work.toFile()).redirectErrorStream(true);
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            builder.environment().put("FLEETJOBS_URL", server.endpoint().toString());
            builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
            builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
            builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
            builder.environment().put("AWS_PAGER", "");
            builder.environment().put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
            builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output.strip()).as(output).endsWith("COMPLETED");
            assertThat(server.iot().describeJob(r -> r.jobId("firmware-2")).job().jobProcessDetails().numberOfSucceededThings())
                    .isEqualTo(1);
        }
    }

    /** The shell lines of the README between the quick-start markers, fences dropped. */
    private static String quickStart() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- quickstart -->");
        int end = readme.indexOf("<!-- /quickstart -->");
        assertThat(start).as("README quick-start markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        StringBuilder script = new StringBuilder();
        boolean inFence = false;
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (inFence) {
                script.append(line).append('\n');
            }
        }
        return script.toString();
    }
}
