package dev.fleetjobs.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto started on a free loopback port for one test. {@code .ci/run} installs it
 * when missing; a machine without it fails here rather than skipping the test.
 */
final class MosquittoProcess implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");
    static final String REQUEST_PREFIX = "fleetjobs/aws/";
    private static final String BRIDGE_CLIENT_ID = "fleetjobs-request-bridge";

    private final Process process;
    private final int port;

    private MosquittoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MosquittoProcess start(Path folder) {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's mosquitto package (.ci/run does)");
        }
        try {
            int port = freePort();
            Path config = folder.resolve("mosquitto.conf");
            Files.writeString(config, String.join("\n",
                    "listener " + port + " 127.0.0.1",
                    "allow_anonymous true",
                    "persistence false",
                    "log_dest stderr",
                    // Mosquitto 2.0 never routes $-topics to shared subscriptions: a bridge to itself
                    // forwards the requests under fleetjobs/aws/ (README, "Several nodes").
                    "connection fleetjobs-requests",
                    "address 127.0.0.1:" + port,
                    "clientid " + BRIDGE_CLIENT_ID,
                    "cleansession true",
                    "restart_timeout 1",
                    "topic things/+/jobs/get out 1 $aws/ " + REQUEST_PREFIX,
                    "topic things/+/jobs/start-next out 1 $aws/ " + REQUEST_PREFIX,
                    "topic things/+/jobs/+/get out 1 $aws/ " + REQUEST_PREFIX,
                    "topic things/+/jobs/+/update out 1 $aws/ " + REQUEST_PREFIX,
                    ""));
            Path log = folder.resolve("mosquitto.log");
            Process process = new ProcessBuilder(BINARY.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            MosquittoProcess mosquitto = new MosquittoProcess(process, port);
            try {
                await().atMost(Duration.ofSeconds(10)).until(mosquitto::accepts);
                // The bridge connects to its own broker once the listener is up, and retries every second.
                await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(log).contains(" as " + BRIDGE_CLIENT_ID));
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
            return mosquitto;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The URL Fleetjobs nodes connect with, naming where the bridge forwards the requests. */
    String url() {
        return "mqtt://127.0.0.1:" + port + "?request-prefix=" + REQUEST_PREFIX;
    }

    private boolean accepts() {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue());
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
