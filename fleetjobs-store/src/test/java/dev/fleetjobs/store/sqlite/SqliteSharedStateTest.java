package dev.fleetjobs.store.sqlite;

import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.SharedStateContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSharedStateTest extends SharedStateContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected JobStore openStore() {
        return SqliteStores.open(dataDir);
    }
}
