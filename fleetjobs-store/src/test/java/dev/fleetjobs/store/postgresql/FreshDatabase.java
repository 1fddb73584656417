package dev.fleetjobs.store.postgresql;

import dev.fleetjobs.store.sql.SqlJobStore;

/** A database made at the first open, for one test; later opens (a reopen in the test) reach the same one. */
final class FreshDatabase {

    private PostgresUrl url;

    SqlJobStore open() {
        if (url == null) {
            url = TestPostgres.shared().newDatabase();
        }
        return PostgresStores.open(url);
    }
}
