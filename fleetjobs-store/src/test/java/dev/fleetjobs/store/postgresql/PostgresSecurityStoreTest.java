package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.SecurityStoreContractTest;
import dev.fleetjobs.store.sql.SqlJobStore;

class PostgresSecurityStoreTest extends SecurityStoreContractTest {

    private final FreshDatabase database = new FreshDatabase();

    @Override
    protected Stores open() {
        SqlJobStore store = database.open();
        return new Stores(store, store.security());
    }
}
