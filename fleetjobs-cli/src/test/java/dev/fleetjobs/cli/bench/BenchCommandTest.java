package dev.fleetjobs.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetjobs.cli.ops.Cli;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test of {@code fleetjobs bench}: every scenario runs for a second and counts right,
 * in-process and against a running server; wrong options and unreachable servers exit with 2. It
 * asserts no speed: the figures of a shared CI machine mean nothing.
 */
class BenchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "FJIABENCHTESTKEY0001";
    private static final String SECRET = "bench-test-secret-000000000000000000000000";

    @TempDir
    Path temp;

    @Test
    void everyScenarioRunsAndCountsRightOnAnEmbeddedServer() throws Exception {
        Cli.Result result = run(Map.of(), "bench", String.join(",", BenchCommand.SCENARIOS), "--embedded", "--duration", "1",
                "--warmup", "0", "--connections", "4", "--devices", "6", "--jobs-per-device", "20", "--things", "300", "--output", "json");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode report = json(result);
        List<String> names = new ArrayList<>();
        report.path("scenarios").forEach(scenario -> names.add(scenario.path("name").asText()));
        assertThat(names).containsExactly("unsigned-noop", "noop", "get-pending", "describe", "describe-thing", "device-loop",
                "mqtt-loop", "rollout");
        for (JsonNode scenario : report.path("scenarios")) {
            assertThat(scenario.path("ops").asLong()).as(scenario.toString()).isPositive();
            assertThat(scenario.path("errors").asLong()).as(scenario.toString()).isZero();
            assertThat(scenario.path("check").path("passed").asBoolean(true)).as(scenario.toString()).isTrue();
            assertThat(scenario.path("ratioToNoop").isNumber()).as(scenario.toString()).isTrue();
        }
        assertThat(report.path("noopToUnsignedNoop").isNumber()).isTrue();
        JsonNode deviceLoop = scenario(report, "device-loop");
        assertThat(deviceLoop.path("details").path("executionsSucceeded").asLong()).isPositive();
        assertThat(deviceLoop.path("check").path("passed").asBoolean()).isTrue();
        JsonNode mqttLoop = scenario(report, "mqtt-loop");
        assertThat(mqttLoop.path("details").path("rounds").asInt()).isPositive();
        assertThat(mqttLoop.path("details").path("notificationsMissed").asLong()).isZero();
        assertThat(mqttLoop.path("check").path("passed").asBoolean()).isTrue();
        JsonNode rollout = scenario(report, "rollout");
        assertThat(rollout.path("ops").asLong()).isEqualTo(300);
        assertThat(rollout.path("check").path("detail").asText()).contains("300 queued of 300");
        assertThat(rollout.path("details").path("peakHeapMb").asLong()).isPositive();
    }

    @Test
    void runsAgainstARunningServerAndPrintsATable() throws Exception {
        ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data")).withRootCredentials(KEY, SECRET).withDev(true);
        try (FleetjobsServer server = FleetjobsServer.start(config, new MqttSettings(0, MqttSettings.OFF, null, null, null, false, List.of()))) {
            Cli.Result result = run(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET), "bench", "get-pending,device-loop",
                    "mqtt-loop", "--endpoint", "http://127.0.0.1:" + server.port(), "--mqtt-endpoint",
                    "mqtt://127.0.0.1:" + server.mqtt().plainPort(), "--server-pid", Long.toString(ProcessHandle.current().pid()),
                    "--duration", "1", "--warmup", "0", "--connections", "3", "--devices", "3", "--jobs-per-device", "4");

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).contains("SCENARIO").contains("VS NOOP").contains("noop / unsigned-noop:")
                    .contains("device-loop").contains("check ok: counts match").contains("mqtt-loop").doesNotContain("FAILED")
                    .contains("cpuMicrosPerOp").contains("CPU per operation is of the server process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void anUnreachableEndpointIsAClearUsageError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result result = run(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET), "bench", "noop",
                "--endpoint", "http://127.0.0.1:" + closedPort, "--duration", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Cannot reach the server at http://127.0.0.1:" + closedPort);
        assertThat(result.out()).isEmpty();
    }

    @Test
    void credentialsTheServerRefusesAreAClearUsageError() throws Exception {
        try (FleetjobsServer server = FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data"))
                .withRootCredentials(KEY, SECRET))) {
            Cli.Result result = run(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", "not-the-secret"), "bench", "noop",
                    "--endpoint", "http://127.0.0.1:" + server.port());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("refused the credentials").contains("InvalidSignatureException");
        }
    }

    @Test
    void wrongOptionsAreClearUsageErrors() {
        Map<String, String> noCredentials = Map.of();
        assertUsage(run(noCredentials, "bench", "noop,warp-speed", "--embedded"), "Unknown scenario 'warp-speed'; choose from noop,");
        assertUsage(run(noCredentials, "bench", "noop", "--embedded", "--connections", "0"), "--connections must be at least 1");
        assertUsage(run(noCredentials, "bench", "noop", "--embedded", "--warmup", "-1"), "--warmup must not be negative");
        assertUsage(run(noCredentials, "bench", "noop", "--embedded", "--endpoint", "http://localhost:9290"), "not both");
        assertUsage(run(noCredentials, "bench", "noop", "--endpoint", "http://localhost:9290"), "No credentials: set AWS_ACCESS_KEY_ID");
        assertUsage(run(Map.of("AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET), "bench", "noop", "--endpoint", "http://:9290"),
                "--endpoint: The endpoint must be a URL such as http://localhost:9290");
        assertThat(run(noCredentials, "bench", "noop", "--duration", "soon").exitCode()).isEqualTo(2);
        assertThat(run(noCredentials, "bench").exitCode()).isEqualTo(2);
    }

    private static void assertUsage(Cli.Result result, String message) {
        assertThat(result.exitCode()).as(result.err()).isEqualTo(2);
        assertThat(result.err()).contains("error: ").contains(message);
    }

    private static JsonNode scenario(JsonNode report, String name) {
        for (JsonNode scenario : report.path("scenarios")) {
            if (scenario.path("name").asText().equals(name)) {
                return scenario;
            }
        }
        throw new AssertionError("no scenario " + name + " in " + report);
    }

    private static Cli.Result run(Map<String, String> environment, String... args) {
        return new Cli(environment).run(args);
    }

    private static JsonNode json(Cli.Result result) throws Exception {
        return JSON.readTree(result.out());
    }
}
