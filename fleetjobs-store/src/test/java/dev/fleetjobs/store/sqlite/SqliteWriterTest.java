package dev.fleetjobs.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.StoreUnavailableException;
import dev.fleetjobs.store.sql.SqlJobStore;
import dev.fleetjobs.store.sql.SqlStoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's machinery that the SPI does not show: group commit, back-pressure, views that end. */
class SqliteWriterTest {

    @TempDir
    Path dataDir;

    @Test
    void concurrentWritesAreGroupCommitted() throws Exception {
        int writers = 8;
        int perWriter = 625;
        try (SqlJobStore store = SqliteStores.open(dataDir)) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            long started = System.nanoTime();
            List<Future<List<CompletableFuture<Void>>>> submitted = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                submitted.add(pool.submit(() -> {
                    List<CompletableFuture<Void>> futures = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        String name = "thing-" + writer + "-" + i;
                        futures.add(store.write((StoreTransaction tx) -> {
                            tx.insertThing(new Thing(name, name, Map.of(), 1, 1));
                            return null;
                        }));
                    }
                    return futures;
                }));
            }
            for (Future<List<CompletableFuture<Void>>> f : submitted) {
                CompletableFuture.allOf(f.get().toArray(CompletableFuture[]::new)).join();
            }
            long elapsedNanos = System.nanoTime() - started;
            pool.shutdown();

            int total = writers * perWriter;
            long commits = store.commitCount();
            System.out.printf("group commit: %d durable writes in %d commits (%.1f writes/commit), %.0f writes/s%n",
                    total, commits, (double) total / commits, total / (elapsedNanos / 1e9));
            assertThat(commits).isLessThan(total / 10);
            assertThat(store.read((StoreReader r) -> r.things(null, total + 1).items().size()).join()).isEqualTo(total);
        }
    }

    @Test
    void aFullWriteQueueFailsFast() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (SqlJobStore store = SqliteStores.open(dataDir, SqlStoreOptions.defaults().withWriteQueueCapacity(2))) {
            CompletableFuture<Boolean> blocker = store.write((StoreTransaction tx) -> {
                running.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Object> first = store.write((StoreTransaction tx) -> null);
            CompletableFuture<Object> second = store.write((StoreTransaction tx) -> null);
            CompletableFuture<Object> refused = store.write((StoreTransaction tx) -> null);

            assertThat(refused).isCompletedExceptionally();
            assertThat(refused.handle((ok, t) -> t).join()).isInstanceOf(StoreUnavailableException.class);
            release.countDown();
            assertThat(blocker.join()).isTrue();
            first.join();
            second.join();
            store.write((StoreTransaction tx) -> null).join();
        }
    }

    @Test
    void aUnitOfWorksViewOfTheDatabaseEndsWithIt() {
        try (SqlJobStore store = SqliteStores.open(dataDir)) {
            AtomicReference<StoreTransaction> kept = new AtomicReference<>();
            AtomicReference<StoreReader> keptReader = new AtomicReference<>();
            store.write((StoreTransaction tx) -> {
                kept.set(tx);
                return null;
            }).join();
            store.read((StoreReader r) -> {
                keptReader.set(r);
                return null;
            }).join();

            assertThatThrownBy(() -> kept.get().insertThing(new Thing("late", "late", Map.of(), 1, 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> keptReader.get().findThing("late")).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aWriteFromInsideAWriteIsRefusedInsteadOfHanging() {
        try (SqlJobStore store = SqliteStores.open(dataDir)) {
            Throwable nested = store.write((StoreTransaction tx) -> store.write((StoreTransaction inner) -> null)
                    .handle((ok, t) -> t).join()).join();
            assertThat(nested).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void closeFromSeveralThreadsAtOnceDrainsOnceAndReturnsEverywhere() throws Exception {
        SqlJobStore store = SqliteStores.open(dataDir);
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String name = "thing-" + i;
            writes.add(store.write((StoreTransaction tx) -> {
                tx.insertThing(new Thing(name, name, Map.of(), 1, 1));
                return null;
            }));
        }
        ExecutorService closers = Executors.newFixedThreadPool(3);
        List<Future<?>> closes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            closes.add(closers.submit(store::close));
        }
        for (Future<?> close : closes) {
            close.get(60, TimeUnit.SECONDS);
        }
        closers.shutdown();
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).join();

        try (SqlJobStore reopened = SqliteStores.open(dataDir)) {
            assertThat(reopened.read((StoreReader r) -> r.things(null, 1000).items().size()).join()).isEqualTo(500);
        }
    }
}
