package dev.fleetjobs.store.postgresql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.store.FeedEntry;
import dev.fleetjobs.store.FeedMessage;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.sql.SqlJobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two stores on one database, as two nodes have: races are rerun, counts stay exact, the feed keeps commit order. */
class PostgresNodesTest {

    private SqlJobStore nodeA;
    private SqlJobStore nodeB;

    @BeforeEach
    void open() {
        PostgresUrl url = TestPostgres.shared().newDatabase();
        nodeA = PostgresStores.open(url);
        nodeB = PostgresStores.open(url);
    }

    @AfterEach
    void close() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void readModifyWriteUnitsOnBothNodesLoseNoUpdateAndKeepTheCounts() {
        nodeA.write((StoreTransaction tx) -> {
            tx.insertJob(new Job("job", TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS, "{}", null, List.of(), null, false,
                    null, null, 1L, 1L, null));
            tx.insertExecution(JobExecution.queued("job", "thing", 1, 1L));
            return null;
        }).join();
        int perNode = 100;
        List<CompletableFuture<Long>> done = new ArrayList<>();
        for (int i = 0; i < perNode; i++) {
            for (SqlJobStore node : List.of(nodeA, nodeB)) {
                // Each unit reads the execution and writes the next version, holding the thing first
                // as the services do: the nodes take turns and no version is written twice.
                done.add(node.write((StoreTransaction tx) -> {
                    tx.lockThing("thing");
                    JobExecution current = tx.findExecution("job", "thing", OptionalLong.of(1)).orElseThrow();
                    ExecutionStatus next = current.status() == ExecutionStatus.QUEUED ? ExecutionStatus.IN_PROGRESS : ExecutionStatus.QUEUED;
                    JobExecution updated = new JobExecution("job", "thing", 1, next, Map.of(), current.queuedAtMillis(), null,
                            current.lastUpdatedAtMillis() + 1, current.versionNumber() + 1, null, null, false, 0);
                    tx.updateExecution(updated);
                    return updated.versionNumber();
                }));
            }
        }
        List<Long> versions = done.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(versions).as("every unit committed exactly one version").doesNotHaveDuplicates().hasSize(2 * perNode);
        JobExecution last = nodeB.read((StoreReader r) -> r.findExecution("job", "thing", OptionalLong.of(1))).join().orElseThrow();
        assertThat(last.versionNumber()).isEqualTo(1 + 2L * perNode);
        var progress = nodeA.read((StoreReader r) -> r.progress("job")).join();
        assertThat(progress.total()).isEqualTo(1);
        assertThat(progress.count(last.status())).isEqualTo(1);
    }

    @Test
    void nodesCreatingTheSameThingsAtOnceCreateEachOnceAndTheLoserSeesTheWinner() {
        List<CompletableFuture<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = "shared-" + (i / 2);
            SqlJobStore node = i % 2 == 0 ? nodeA : nodeB;
            // No lock: the loser's insert finds the key taken, and the unit runs again from the start.
            outcomes.add(node.write((StoreTransaction tx) -> {
                if (tx.findThing(name).isPresent()) {
                    return "found";
                }
                tx.insertThing(new dev.fleetjobs.core.model.Thing(name, name, Map.of(), 1, 1));
                return "created";
            }));
        }
        List<String> results = outcomes.stream().map(CompletableFuture::join).toList();
        assertThat(results.stream().filter("created"::equals)).hasSize(50);
        assertThat(results.stream().filter("found"::equals)).hasSize(50);
        assertThat(nodeA.read((StoreReader r) -> r.things(null, 1000)).join().items()).hasSize(50);
        System.out.println("PostgresNodesTest: units run again after a lost race: " + (nodeA.rerunCount() + nodeB.rerunCount()));
    }

    @Test
    void aReaderFollowingTheFeedWhileBothNodesAppendMissesNothing() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            long cursor = 0;
            while (true) {
                boolean last = !writing.get();
                long from = cursor;
                List<FeedEntry> page = nodeB.read((StoreReader r) -> r.feedAfter(from, 50)).join();
                for (FeedEntry entry : page) {
                    seen.add(entry.message().address());
                    cursor = entry.seq();
                }
                if (last && page.isEmpty()) {
                    return;
                }
            }
        });
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            SqlJobStore node = i % 2 == 0 ? nodeA : nodeB;
            String address = "m-" + i;
            writes.add(node.write((StoreTransaction tx) -> {
                tx.insertThing(new dev.fleetjobs.core.model.Thing("t-" + address, address, Map.of(), 1, 1));
                tx.appendFeed(List.of(new FeedMessage("n", address, address.getBytes(StandardCharsets.UTF_8))));
                return null;
            }));
        }
        writes.forEach(CompletableFuture::join);
        writing.set(false);
        follower.join();
        assertThat(seen).hasSize(200).doesNotHaveDuplicates();
    }
}
