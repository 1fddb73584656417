package dev.fleetjobs.store.sqlite;

import dev.fleetjobs.store.SecurityStoreContractTest;
import dev.fleetjobs.store.sql.SqlJobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteSecurityStoreTest extends SecurityStoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected Stores open() {
        SqlJobStore store = SqliteStores.open(dataDir);
        return new Stores(store, store.security());
    }
}
