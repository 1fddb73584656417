package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.SharedStateContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresSharedStateTest extends SharedStateContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected JobStore openStore() {
        return database.open();
    }
}
