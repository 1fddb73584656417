package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built fleetjobs.jar as users run it: {@code fleetjobs server} with the embedded MQTT broker
 * (which must start from the slimmed jar, without RocksDB's native libraries) and
 * {@code fleetjobs bench} as a second process against it. It asserts that everything ran and
 * counted right, never a speed.
 */
class BenchJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void benchProcessDrivesAServerProcessOverHttpAndMqtt() throws Exception {
        int mqttPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(temp.resolve("data"), temp.resolve("server.log"), "--dev",
                "--mqtt-port", Integer.toString(mqttPort))) {
            Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
            Path out = temp.resolve("bench.json");
            ProcessBuilder bench = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", jar.toString(), "bench", "get-pending,mqtt-loop", "--endpoint", server.endpoint().toString(),
                    "--mqtt-endpoint", "mqtt://127.0.0.1:" + mqttPort, "--duration", "1", "--warmup", "0", "--connections", "2",
                    "--devices", "4", "--output", "json"))
                    .redirectOutput(out.toFile()).redirectError(temp.resolve("bench.err").toFile());
            bench.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
            bench.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
            Process process = bench.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("bench finished").isTrue();

            assertThat(process.exitValue()).as(read(temp.resolve("bench.err")) + server.log()).isZero();
            JsonNode report = JSON.readTree(out.toFile());
            assertThat(report.path("scenarios")).hasSize(4);
            for (JsonNode scenario : report.path("scenarios")) {
                assertThat(scenario.path("ops").asLong()).as(scenario.toString()).isPositive();
                assertThat(scenario.path("errors").asLong()).as(scenario.toString()).isZero();
                assertThat(scenario.path("check").path("passed").asBoolean(true)).as(scenario.toString()).isTrue();
            }
            assertThat(report.path("scenarios").get(3).path("details").path("notificationsMissed").asLong()).isZero();
            assertThat(server.log()).doesNotContain("rocksdb").doesNotContain("UnsatisfiedLinkError");
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }
}
