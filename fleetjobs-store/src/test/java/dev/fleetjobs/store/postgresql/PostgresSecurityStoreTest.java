package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.SecurityStoreContractTest;
import dev.fleetjobs.store.sql.SqlJobStore;

class PostgresSecurityStoreTest extends SecurityStoreContractTest {

    private PostgresUrl database;

    @Override
    protected Stores open() {
        if (database == null) {
            database = TestPostgres.shared().newDatabase();
        }
        SqlJobStore store = PostgresStores.open(database);
        return new Stores(store, store.security());
    }
}
