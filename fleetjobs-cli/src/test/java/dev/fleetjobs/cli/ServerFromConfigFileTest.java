package dev.fleetjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real server process whose port and data directory come only from the config file and the environment. */
class ServerFromConfigFileTest {

    @Test
    void servesOnThePortTheFileGives(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("fleetjobs.conf"), "# test node\nport = " + port + "\nhost = \"127.0.0.1\"\n");
        Path log = dir.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), FleetjobsCommand.class.getName(), "server"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FLEETJOBS_"));
        builder.environment().put("FLEETJOBS_CONFIG", config.toString());
        builder.environment().put("FLEETJOBS_DATA_DIR", dir.resolve("data").toString());
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest unsigned = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things")).timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (response == null) {
                assertThat(server.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime()).as("answers within 90 s:\n" + Files.readString(log)).isLessThan(deadline);
                try {
                    response = http.send(unsigned, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
            assertThat(dir.resolve("data")).isDirectory();
        } finally {
            server.destroy();
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }
}
