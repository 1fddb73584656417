package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.CaCertificate;
import dev.fleetjobs.store.SecurityStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the in-memory {@link AccessKeyRegistry} and {@link TrustAnchors} in step with the store,
 * also when another process changed it (the {@code fleetjobs credentials} command works on the
 * data directory): every interval it reads the store's security generation, one number, and
 * reloads everything when it moved.
 */
public final class SecurityRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityRefresher.class);

    private record Snapshot(long generation, List<AccessKey> keys, List<CaCertificate> cas, List<String> idsWithoutCa) {
    }

    private final SecurityStore store;
    private final AccessKeyRegistry keys;
    private final TrustAnchors anchors;
    private final SecretBox box;
    private final ScheduledExecutorService scheduler;
    private volatile long loadedGeneration = -1;

    public SecurityRefresher(SecurityStore store, AccessKeyRegistry keys, TrustAnchors anchors, SecretBox box) {
        this.store = store;
        this.keys = keys;
        this.anchors = anchors;
        this.box = box;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "fleetjobs-security-refresh");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Loads everything now and then polls every {@code interval}. */
    public void start(Duration interval) {
        refresh();
        scheduler.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Reloads everything from the store; returns after the new state is in place. */
    public void refresh() {
        refreshAsync().join();
    }

    /** Reloads everything from the store; completes once the new state is in place. */
    public CompletableFuture<Void> refreshAsync() {
        return store.read(r -> new Snapshot(r.generation(), r.accessKeys(), r.caCertificates(), r.certificateIdsWithoutCa()))
                .thenAccept(this::apply);
    }

    private synchronized void apply(Snapshot snapshot) {
        keys.replace(snapshot.keys(), box);
        anchors.replace(snapshot.cas(), snapshot.idsWithoutCa());
        loadedGeneration = snapshot.generation();
    }

    private void poll() {
        try {
            long generation = store.read(r -> r.generation()).join();
            if (generation != loadedGeneration) {
                refresh();
                LOG.debug("Security data reloaded at generation {}", loadedGeneration);
            }
        } catch (RuntimeException e) {
            LOG.warn("Reloading access keys and certificates failed; retrying: {}", e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
