package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExecutionRace} on one server. */
class ConcurrencyTest {

    @TempDir
    Path dataDir;

    private RunningServer server;

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeEach
    void start() {
        server = RunningServer.start(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)));
        ExecutionRace.prepare(new Fleet(server.iot()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void racingDevicesNeverStartTwiceOrLoseAnUpdate() throws Exception {
        ExecutionRace.runAndCheck(List.of(server.jobs()), server.iot());
    }
}
