package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.JobStoreContractTest;
import dev.fleetjobs.store.JobStore;

class PostgresJobStoreTest extends JobStoreContractTest {

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
