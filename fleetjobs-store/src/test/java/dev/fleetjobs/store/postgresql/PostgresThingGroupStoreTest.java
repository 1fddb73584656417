package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.ThingGroupStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresThingGroupStoreTest extends ThingGroupStoreContractTest {

    private PostgresUrl database;

    /** A fresh database per test; the same one when the test reopens the store. */
    @Override
    protected JobStore openStore() {
        if (database == null) {
            database = TestPostgres.shared().newDatabase();
        }
        return PostgresStores.open(database);
    }
}
