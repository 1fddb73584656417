package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin listener of {@code fleetjobs server} from the jar: {@code /health/ready} answers 503
 * until every listener accepts connections (the MQTT broker included), then 200; on SIGTERM it
 * answers 503 before the process ends; with {@code --log-format json} every log line is JSON; a
 * taken admin port is one clear line and exit code 2.
 */
class OpsProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @TempDir
    Path work;

    @Test
    void readyOnlyOnceEveryListenerAcceptsAndNotReadyWhileDrainingOnSigterm() throws Exception {
        int adminPort = ServerProcess.freePort();
        int mqttPort = ServerProcess.freePort();
        int port = ServerProcess.freePort();
        URI ready = URI.create("http://127.0.0.1:" + adminPort + "/health/ready");
        Path stderr = work.resolve("stderr.log");
        List<String> command = ServerProcess.command("server", "--port", Integer.toString(port), "--data-dir",
                work.resolve("data").toString(), "--dev", "--mqtt-port", Integer.toString(mqttPort), "--admin-port",
                Integer.toString(adminPort), "--log-format", "json", "--drain-delay", "2");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(work.resolve("stdout.log").toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("FLEETJOBS_ROOT_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("FLEETJOBS_ROOT_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        Process process = builder.start();
        try {
            List<Integer> answers = new ArrayList<>();
            String notReadyBody = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                assertThat(process.isAlive()).as("server running:\n%s", Files.readString(stderr)).isTrue();
                assertThat(System.nanoTime()).as("ready in time").isLessThan(deadline);
                HttpResponse<String> answer = getOrNull(ready);
                if (answer != null) {
                    answers.add(answer.statusCode());
                    if (answer.statusCode() == 200) {
                        // Ready means every listener accepts: the MQTT broker too, right now.
                        try (MqttDevice device = MqttDevice.connect(mqttPort, "ready-check")) {
                            assertThat(device.isConnected()).isTrue();
                        }
                        break;
                    }
                    notReadyBody = answer.body();
                }
                Thread.sleep(10);
            }
            // The admin listener starts first: the store, HTTP and MQTT listeners come up while it answers 503.
            assertThat(answers.get(0)).isEqualTo(503);
            assertThat(answers.subList(0, answers.size() - 1)).containsOnly(503);
            JsonNode missing = JSON.readTree(notReadyBody);
            assertThat(missing.get("status").asText()).isEqualTo("not ready");
            assertThat(missing.get("notReady").isArray()).isTrue();
            assertThat(Files.readString(stderr)).contains("Fleetjobs ready");

            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/things?X-Amz-Credential=x&X-Amz-Signature=s3cr3tsignature")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);

            process.destroy(); // SIGTERM
            boolean sawDraining = false;
            while (process.isAlive()) {
                HttpResponse<String> answer = getOrNull(ready);
                if (answer != null && answer.statusCode() == 503 && answer.body().contains("draining")) {
                    sawDraining = true;
                }
                Thread.sleep(20);
            }
            assertThat(sawDraining).as("/health/ready answered 503 (draining) before the process ended").isTrue();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();

            List<String> lines = Files.readAllLines(stderr).stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines).isNotEmpty();
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : lines) {
                parsed.add(JSON.readTree(line));
            }
            assertThat(parsed).allMatch(node -> node.has("level") && node.has("loggerName") && node.has("formattedMessage"));
            JsonNode access = parsed.stream().filter(node -> node.get("loggerName").asText().equals("fleetjobs.access")).findFirst()
                    .orElseThrow();
            assertThat(access.get("formattedMessage").asText()).contains("plane=control", "status=403");
            assertThat(access.get("kvpList").toString()).contains("\"requestId\"", "\"latencyMs\"", "\"status\":\"403\"");
            assertThat(String.join("\n", lines)).doesNotContain("s3cr3tsignature", RunningServer.SECRET_KEY, "X-Amz-Credential");
            assertThat(parsed).anyMatch(node -> node.get("formattedMessage").asText().startsWith("Draining"));
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void aTakenAdminPortIsOneLineAndExitCodeTwo() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            JarCommand.Result result = JarCommand.run(work, "server", "--port", "0", "--data-dir", work.resolve("data").toString(),
                    "--admin-port", Integer.toString(taken.getLocalPort()));
            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.output().strip().lines().toList()).hasSize(1);
            assertThat(result.output()).startsWith("error: Port " + taken.getLocalPort()).contains("--admin-port");
        }
    }

    private static HttpResponse<String> getOrNull(URI uri) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
