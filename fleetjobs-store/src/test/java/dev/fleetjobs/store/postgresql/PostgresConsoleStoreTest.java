package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.ConsoleStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresConsoleStoreTest extends ConsoleStoreContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected JobStore openStore() {
        return database.open();
    }
}
