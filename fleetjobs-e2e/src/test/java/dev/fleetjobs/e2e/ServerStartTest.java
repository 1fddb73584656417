package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.server.app.DataDirectoryInUseException;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.PortInUseException;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.mqtt.MqttSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a server start goes wrong, in-process: every listener's port clash is one {@link PortInUseException} naming
 * the port and its option; a data directory is held by one server at a time; a data directory that is a file is
 * refused untouched. ({@link ServerCommandTest} checks what the command prints.)
 */
class ServerStartTest {

    @TempDir
    Path temp;

    @Test
    void eachListenersPortClashNamesThePortAndItsOption() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            ServerConfig base = ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data")).withRootCredentials("FJIAK", "secret").withDev(true);

            assertClash(() -> FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", port, temp.resolve("data"))
                    .withRootCredentials("FJIAK", "secret")), "--port", port);
            assertClash(() -> FleetjobsServer.start(base.withSecurity(SecurityOptions.defaults().withDeviceListener(port, null, null))),
                    "--device-port", port);
            assertClash(() -> FleetjobsServer.start(base, new MqttSettings(port, MqttSettings.OFF, null, null, null, false, List.of())),
                    "--mqtt-port", port);
            // a clash at start leaves the data directory free for the next start
            FleetjobsServer.start(base).close();
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedUntilTheFirstStops() throws IOException {
        Path dataDir = temp.resolve("data");
        try (RunningServer first = RunningServer.start(dataDir)) {
            assertThatThrownBy(() -> FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withRootCredentials("FJIAK", "s")))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("Another Fleetjobs server")
                    .hasMessageContaining(dataDir.toAbsolutePath().toString());
            assertThat(first.iot().listThings().things()).as("the first one is unharmed").isEmpty();
        }
        try (RunningServer again = RunningServer.start(dataDir)) {
            assertThat(again.iot().listThings().things()).isEmpty();
        }
    }

    @Test
    void aDataDirectoryThatIsAFileIsRefusedWithoutTouchingIt() throws IOException {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is a file, not a directory");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(Files.readString(file)).isEqualTo("mine");
    }

    private interface Start {
        void run() throws IOException;
    }

    private static void assertClash(Start start, String option, int port) {
        assertThatThrownBy(start::run)
                .isInstanceOf(PortInUseException.class)
                .hasMessage("Port " + port + " on 127.0.0.1 is already in use (" + option + "): stop what listens there, or choose another "
                        + "port with " + option + ".");
    }
}
