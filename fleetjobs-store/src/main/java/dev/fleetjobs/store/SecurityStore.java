package dev.fleetjobs.store;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Durable storage of access keys, certificates and their attachments to things, beside the
 * {@link JobStore} on the same database and with its guarantees: a write completes after its
 * commit, a unit of work that throws changes nothing, reads see committed data only.
 */
public interface SecurityStore {

    <T> CompletableFuture<T> write(Function<SecurityTransaction, T> work);

    <T> CompletableFuture<T> read(Function<SecurityReader, T> work);
}
