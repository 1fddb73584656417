package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.JobCatalogStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresJobCatalogStoreTest extends JobCatalogStoreContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected JobStore openStore() {
        return database.open();
    }
}
