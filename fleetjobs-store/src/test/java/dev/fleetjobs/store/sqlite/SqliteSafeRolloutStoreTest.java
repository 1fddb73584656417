package dev.fleetjobs.store.sqlite;

import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.SafeRolloutStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSafeRolloutStoreTest extends SafeRolloutStoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected JobStore openStore() {
        return SqliteStores.open(dataDir);
    }
}
