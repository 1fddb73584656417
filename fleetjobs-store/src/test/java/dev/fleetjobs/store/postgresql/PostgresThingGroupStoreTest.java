package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.ThingGroupStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresThingGroupStoreTest extends ThingGroupStoreContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected JobStore openStore() {
        return database.open();
    }
}
