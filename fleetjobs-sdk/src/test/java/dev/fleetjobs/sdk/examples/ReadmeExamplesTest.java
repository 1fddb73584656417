package dev.fleetjobs.sdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.LocalServer;
import dev.fleetjobs.sdk.auth.SigV4Signer;
import dev.fleetjobs.sdk.http.WireRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's SDK examples are these sources, word for word, and they work against a server. */
class ReadmeExamplesTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Path SOURCE = Path.of("src", "test", "java", "dev", "fleetjobs", "sdk", "examples", "ReadmeExamples.java");

    @Test
    void theReadmeShowsExactlyTheCompiledExamples() throws IOException {
        Map<String, List<String>> inReadme = readmeBlocks(Files.readString(README));
        Map<String, List<String>> inSource = sourceBlocks(Files.readAllLines(SOURCE));
        assertThat(inSource.keySet()).containsExactly("client", "describeJobExecution", "getPendingJobExecutions",
                "startNextPendingJobExecution", "updateJobExecution", "hmac");
        assertThat(inReadme).isEqualTo(inSource);
    }

    @Test
    void theExamplesRunAgainstTheServer(@TempDir Path dataDir) {
        try (LocalServer server = LocalServer.start(dataDir)) {
            server.thing("pump-1");
            server.job("firmware-2", "{\"operation\":\"install\",\"version\":\"2.0\"}", "pump-1");
            JobsDataClient sdk = ReadmeExamples.client(server.endpoint().toString(), LocalServer.CREDENTIALS);

            var described = ReadmeExamples.describeJobExecution(sdk).describeJobExecutionResponse().orElseThrow().execution();
            assertThat(described.status()).isEqualTo("QUEUED");
            assertThat(described.jobDocument()).isEqualTo("{\"operation\":\"install\",\"version\":\"2.0\"}");
            assertThat(ReadmeExamples.getPendingJobExecutions(sdk).getPendingJobExecutionsResponse().orElseThrow().queuedJobs())
                    .extracting(job -> job.jobId()).containsExactly("firmware-2");
            var started = ReadmeExamples.startNextPendingJobExecution(sdk).startNextPendingJobExecutionResponse().orElseThrow().execution();
            assertThat(started.status()).isEqualTo("IN_PROGRESS");
            assertThat(started.versionNumber()).isEqualTo(2L);
            var updated = ReadmeExamples.updateJobExecution(sdk);
            assertThat(updated.statusCode()).isEqualTo(200);
            assertThat(updated.updateJobExecutionResponse().orElseThrow().executionState().status()).isEqualTo("SUCCEEDED");
            assertThat(server.iot().describeJob(r -> r.jobId("firmware-2")).job().statusAsString()).isEqualTo("COMPLETED");

            WireRequest signed = new SigV4Signer("us-east-1", "iot-jobs-data").sign(WireRequest.of("GET", "/things/pump-1/jobs", ""),
                    server.endpoint().getAuthority(), LocalServer.CREDENTIALS, Instant.now());
            var pending = ReadmeExamples.hmac(server.endpoint().toString(), signed.header("Authorization"), signed.header("X-Amz-Date"),
                    signed.header("X-Amz-Content-Sha256"));
            assertThat(pending.getPendingJobExecutionsResponse().orElseThrow().queuedJobs()).isEmpty();
        }
    }

    /** Blocks fenced after a {@code <!-- sdk-example:NAME -->} line. */
    static Map<String, List<String>> readmeBlocks(String readme) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("<!-- sdk-example:(\\w+) -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (matcher.find()) {
            blocks.put(matcher.group(1), normalized(List.of(matcher.group(2).split("\n"))));
        }
        return blocks;
    }

    static Map<String, List<String>> sourceBlocks(List<String> lines) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        String name = null;
        List<String> block = new ArrayList<>();
        for (String line : lines) {
            String trimmed = line.strip();
            if (trimmed.startsWith("// readme:")) {
                if (name != null) {
                    blocks.put(name, normalized(block));
                    name = null;
                } else {
                    name = trimmed.substring("// readme:".length());
                    block = new ArrayList<>();
                }
            } else if (name != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    /** Lines without the common indentation and without trailing blank lines. */
    private static List<String> normalized(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            out.add(line.isBlank() ? "" : line.substring(indent).stripTrailing());
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
