package dev.fleetjobs.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's batches, run by hand with {@link JobWorker#runOnce()} on a real store and a fixed clock. */
class JobWorkerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00.250Z"), ZoneOffset.UTC);
    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";

    @TempDir
    Path dataDir;

    private JobStore store;
    private JobWorker worker;
    private JobService jobs;
    private JobLifecycleService lifecycle;

    @BeforeEach
    void open() {
        store = SqliteStores.open(dataDir);
        worker = new JobWorker(store, CLOCK, ARNS, 2);
        jobs = new JobService(store, CLOCK, ARNS, worker);
        lifecycle = new JobLifecycleService(store, CLOCK, ARNS, worker, jobs);
        ThingService things = new ThingService(store, CLOCK, ARNS);
        ThingGroupService groups = new ThingGroupService(store, CLOCK, ARNS);
        groups.create("g", null, null, null, null).join();
        groups.create("g-child", "g", null, null, null).join();
        for (int i = 0; i < 5; i++) {
            String thing = "t" + i;
            things.create(thing, Map.of(), null, null).join();
            groups.addThing(i < 3 ? "g" : "g-child", thing).join();
        }
    }

    @AfterEach
    void close() {
        worker.close();
        store.close();
    }

    @Test
    void startAndCloseAreIdempotentAndAnIdleWorkerFindsNothing() {
        assertThat(worker.runOnce()).isFalse();
        worker.start();
        worker.start();
        worker.close();
        worker.close();
        assertThat(worker.runOnce()).isFalse();
        assertThatThrownBy(() -> new JobWorker(store, CLOCK, ARNS, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRolloutAdvancesOneBatchPerRunAndCompletesTheSnapshotJobAfterTheLast() {
        create("roll", TargetSelection.SNAPSHOT);
        assertThat(reached("roll")).isEqualTo(2);
        assertThat(work("roll")).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo(JobWork.Kind.ROLLOUT);
            assertThat(w.cursor()).isNotNull();
        });

        assertThat(worker.runOnce()).isTrue();
        assertThat(reached("roll")).isEqualTo(4);
        assertThat(worker.runOnce()).isTrue();
        assertThat(reached("roll")).isEqualTo(5);
        assertThat(work("roll")).isEmpty();
        assertThat(worker.runOnce()).isFalse();

        var execution = store.read(r -> r.findExecution("roll", "t4", java.util.OptionalLong.empty())).join().orElseThrow();
        assertThat(execution.queuedAtMillis()).isEqualTo(CLOCK.millis());
        assertThat(execution.executionNumber()).isEqualTo(1);
        store.write(tx -> {
            for (var e : tx.executionsForJob("roll", null, null, 10).items()) {
                ExecutionChanges.change(tx, e.withServiceStatus(ExecutionStatus.REMOVED, false, null, CLOCK.millis()), CLOCK.millis());
            }
            return null;
        }).join();
        assertThat(store.read(r -> r.findJob("roll")).join().orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void workTakesTurnsBetweenJobsAndACancelReplacesTheRollout() {
        create("first", TargetSelection.SNAPSHOT);
        create("second", TargetSelection.CONTINUOUS);
        worker.runOnce();
        worker.runOnce();
        assertThat(reached("first")).as("each job advanced by one batch").isEqualTo(4);
        assertThat(reached("second")).isEqualTo(4);

        lifecycle.cancel("second", false, null, null).join();
        assertThat(work("second")).as("the cancel finished inline within one batch")
                .noneMatch(w -> w.kind() == JobWork.Kind.ROLLOUT);
        assertThat(store.read(r -> r.progress("second")).join().count(ExecutionStatus.CANCELED)).isEqualTo(2);
        while (worker.runOnce()) {
            // run the remaining batches
        }
        assertThat(store.read(r -> r.progress("second")).join().count(ExecutionStatus.CANCELED)).isEqualTo(4);
        assertThat(store.read(r -> r.progress("second")).join().pending()).isZero();
        assertThat(reached("first")).isEqualTo(5);
    }

    @Test
    void aDeleteRemovesTheExecutionsInBatchesAndThenTheJob() {
        create("gone", TargetSelection.SNAPSHOT);
        while (worker.runOnce()) {
            // finish the rollout
        }
        lifecycle.delete("gone", true).join();
        assertThat(store.read(r -> r.findJob("gone")).join().orElseThrow().status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
        assertThat(store.read(r -> r.progress("gone")).join().total()).isEqualTo(3);
        worker.runOnce();
        assertThat(store.read(r -> r.progress("gone")).join().total()).isEqualTo(1);
        worker.runOnce();
        assertThat(store.read(r -> r.findJob("gone")).join()).isEmpty();
        assertThat(worker.runOnce()).isFalse();
    }

    private void create(String jobId, TargetSelection selection) {
        jobs.create(new CreateJobCommand(jobId, List.of(GROUP_ARN + "g"), "{}", null, selection, null, null, null, null)).join();
    }

    /** How many things the job has reached: its executions, whatever their status. */
    private long reached(String jobId) {
        return store.read(r -> r.progress(jobId)).join().total();
    }

    private List<JobWork> work(String jobId) {
        return store.read(r -> r.jobWork(jobId)).join();
    }
}
