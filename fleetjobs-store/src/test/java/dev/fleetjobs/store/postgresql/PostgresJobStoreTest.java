package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.JobStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresJobStoreTest extends JobStoreContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected JobStore openStore() {
        return database.open();
    }
}
