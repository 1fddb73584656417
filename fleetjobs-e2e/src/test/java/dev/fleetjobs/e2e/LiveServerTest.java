package dev.fleetjobs.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;

/** Gives each test a fresh server, in-process on a free port with its own data, and the official control-plane client. */
abstract class LiveServerTest {

    @TempDir
    Path dataDir;

    RunningServer server;
    IotClient iot;
    Fleet fleet;

    @BeforeEach
    void startServer() {
        server = RunningServer.start(dataDir);
        iot = server.iot();
        fleet = new Fleet(iot);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
