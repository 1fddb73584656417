package dev.fleetjobs.server.scheduler;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of time-based rules in a fresh {@link TimeWorld}, closed after each test. */
abstract class WorldTest {

    @TempDir
    Path dataDir;

    TimeWorld world;

    @BeforeEach
    void openWorld() {
        world = TimeWorld.open(dataDir);
    }

    @AfterEach
    void closeWorld() {
        world.close();
    }
}
