package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.ServerConfig;
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

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeEach
    void startServer() {
        server = RunningServer.start(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)));
        iot = server.iot();
        fleet = new Fleet(iot);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }
}
