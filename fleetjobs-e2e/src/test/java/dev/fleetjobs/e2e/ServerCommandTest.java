package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetjobs server} as a process, the way a newcomer meets it: a first start that fails on a
 * port in use says so in one line and exits 2, and the next good start still shows the root
 * credentials it generated; a second server on the same data directory is refused while
 * {@code credentials} keeps working beside the first.
 */
class ServerCommandTest {

    @TempDir
    Path work;

    @Test
    void aFailedFirstStartLosesNoCredentialsAndASecondServerIsRefused() throws Exception {
        Path dataDir = work.resolve("data");
        try (ServerSocket http = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket mqtt = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            JarCommand.Result clash = JarCommand.run(work, "server", "--port", Integer.toString(http.getLocalPort()),
                    "--data-dir", dataDir.toString());
            assertThat(clash.exitCode()).as(clash.output()).isEqualTo(2);
            assertThat(clash.output().strip()).isEqualTo("error: Port " + http.getLocalPort() + " on 127.0.0.1 is already in use (--port): "
                    + "stop what listens there, or choose another port with --port.");

            JarCommand.Result mqttClash = JarCommand.run(work, "server", "--port", Integer.toString(ServerProcess.freePort()), "--data-dir",
                    dataDir.toString(), "--dev", "--mqtt-port", Integer.toString(mqtt.getLocalPort()));
            assertThat(mqttClash.exitCode()).as(mqttClash.output()).isEqualTo(2);
            assertThat(mqttClash.output().strip()).isEqualTo("error: Port " + mqtt.getLocalPort() + " on 127.0.0.1 is already in use "
                    + "(--mqtt-port): stop what listens there, or choose another port with --mqtt-port.");
        }

        Path log = work.resolve("server.log");
        int port = ServerProcess.freePort();
        Process server = JarCommand.start(log, "server", "--port", Integer.toString(port), "--data-dir", dataDir.toString());
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(log).contains("Fleetjobs ready"));
            Properties stored = new Properties();
            try (InputStream in = Files.newInputStream(dataDir.resolve("root-credentials.properties"))) {
                stored.load(in);
            }
            assertThat(Files.readString(log)).as("the credentials made by the failed start are shown now")
                    .contains("export AWS_ACCESS_KEY_ID=" + stored.getProperty("accessKeyId"))
                    .contains("export AWS_SECRET_ACCESS_KEY=" + stored.getProperty("secretAccessKey"))
                    .contains("ready on http://127.0.0.1:" + port);

            JarCommand.Result second = JarCommand.run(work, "server", "--port", Integer.toString(ServerProcess.freePort()), "--data-dir",
                    dataDir.toString());
            assertThat(second.exitCode()).as(second.output()).isEqualTo(2);
            assertThat(second.output().strip()).isEqualTo("error: Another Fleetjobs server (pid " + server.pid() + ") is running on the "
                    + "data directory " + dataDir.toAbsolutePath() + ": stop it first, or give this one another --data-dir.");

            Cli.Result list = Cli.run("credentials", "list", "--data-dir", dataDir.toString());
            assertThat(list.exitCode()).as("credentials work beside the running server: " + list.err()).isZero();
        } finally {
            server.destroy();
            server.waitFor();
        }
        assertThat(Files.readString(log)).contains("Fleetjobs stopped");
    }
}
