package dev.fleetjobs.store.sql;

import dev.fleetjobs.store.SecurityReader;
import dev.fleetjobs.store.SecurityStore;
import dev.fleetjobs.store.SecurityTransaction;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The {@link SecurityStore} on the same database as a {@link SqlJobStore}: its work runs on the
 * job store's writer and readers, so it shares their group commit and their durability.
 */
final class SqlSecurityStore implements SecurityStore {

    private final SqlJobStore jobs;

    SqlSecurityStore(SqlJobStore jobs) {
        this.jobs = jobs;
    }

    @Override
    public <T> CompletableFuture<T> write(Function<SecurityTransaction, T> work) {
        return jobs.write(tx -> work.apply(new SqlSecurityTransaction((SqlTransaction) tx)));
    }

    @Override
    public <T> CompletableFuture<T> read(Function<SecurityReader, T> work) {
        return jobs.read(reader -> work.apply(new SqlSecurityReader((SqlReader) reader)));
    }
}
