package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.store.FeedEntry;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the change feed of a shared database, in commit order, to the devices connected to
 * this node: what any node committed reaches every device, once. It reads when the database
 * signals new entries and every half second regardless, so a lost signal (the listening
 * connection broke) only delays messages. It starts at the end of the feed: devices that connect
 * later ask for their jobs, as AWS's samples do. Entries older than {@link #RETENTION} are pruned.
 */
final class FeedFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedFollower.class);
    private static final int PAGE = 500;
    private static final long POLL_MILLIS = 500;
    static final Duration RETENTION = Duration.ofMinutes(15);
    private static final long PRUNE_EVERY_MILLIS = 60_000;

    private final JobStore store;
    private final MqttOutlet outlet;
    private final String onlyOrigin;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private final AutoCloseable listening;
    private volatile boolean closed;
    private long cursor;
    private long lastPrune;

    /**
     * @param listen      starts the database's signal for new entries, calling the given callback; returns how to stop it
     * @param onlyOrigin  publish only the entries this node committed (an external broker, which every node publishes to); null for all
     */
    FeedFollower(JobStore store, Function<Runnable, AutoCloseable> listen, MqttOutlet outlet, String onlyOrigin) {
        this.store = store;
        this.outlet = outlet;
        this.onlyOrigin = onlyOrigin;
        this.cursor = store.read(StoreReader::feedEnd).join();
        this.lastPrune = System.currentTimeMillis();
        this.thread = new Thread(this::loop, "fleetjobs-feed-follower");
        thread.setDaemon(true);
        thread.start();
        this.listening = listen.apply(signal::release);
    }

    private void loop() {
        while (!closed) {
            try {
                signal.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                publishNew();
                pruneNowAndThen();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Following the change feed failed; trying again: {}", e.toString());
            }
        }
    }

    private void publishNew() {
        while (!closed) {
            long from = cursor;
            List<FeedEntry> page = store.read((StoreReader r) -> r.feedAfter(from, PAGE)).join();
            for (FeedEntry entry : page) {
                if (onlyOrigin == null || onlyOrigin.equals(entry.message().origin())) {
                    outlet.publish(entry.message().address(), entry.message().payload());
                }
                cursor = entry.seq();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private void pruneNowAndThen() {
        long now = System.currentTimeMillis();
        if (now - lastPrune < PRUNE_EVERY_MILLIS) {
            return;
        }
        lastPrune = now;
        store.write((StoreTransaction tx) -> {
            tx.pruneFeed(now - RETENTION.toMillis());
            return null;
        }).join();
    }

    @Override
    public void close() {
        closed = true;
        try {
            listening.close();
        } catch (Exception e) {
            LOG.debug("Stopping the feed signal failed", e);
        }
        signal.release();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
