package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.StepTimerChange;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.model.Thing;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link JobStore} must have, whatever database is behind it. A subclass
 * supplies the store; {@link #openStore()} must open the same database every time it is called.
 */
public abstract class JobStoreContractTest extends StoreContractSupport {

    @Nested
    class Timing extends StoreTimingContract {

        @Override
        protected JobStore store() {
            return store;
        }
    }

    // round trips

    @Test
    void thingRoundTripsWithAndWithoutAttributes() {
        Thing withAttributes = new Thing("sensor-1", "id-1", Map.of("model", "x1", "floor", "3"), 4, 1_700_000_000_123L);
        Thing without = new Thing("sensor-2", "id-2", Map.of(), 1, 5L);
        write((StoreTransaction tx) -> {
            tx.insertThing(withAttributes);
            tx.insertThing(without);
            return null;
        });

        assertThat(read((StoreReader r) -> r.findThing("sensor-1"))).contains(withAttributes);
        assertThat(read((StoreReader r) -> r.findThing("sensor-2"))).contains(without);
        assertThat(read((StoreReader r) -> r.findThing("nobody"))).isEmpty();
    }

    @Test
    void jobRoundTripsEveryFieldIncludingNullsAndUpdates() {
        Job full = new Job("job-full", TargetSelection.CONTINUOUS, JobStatus.CANCELED, "{\"op\":\"reboot\"}", "a description",
                List.of("arn:aws:iot:eu-west-1:123:thing/a", "arn:aws:iot:eu-west-1:123:thinggroup/g"), 30L, true,
                "BECAUSE", "a comment", 1_000L, 2_000L, 3_000L);
        Job sparse = new Job("job-sparse", TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS, "{}", null, List.of(), null, false,
                null, null, 10L, 10L, null);
        write((StoreTransaction tx) -> {
            tx.insertJob(full);
            tx.insertJob(sparse);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJob("job-full"))).contains(full);
        assertThat(read((StoreReader r) -> r.findJob("job-sparse"))).contains(sparse);
        assertThat(read((StoreReader r) -> r.findJob("missing"))).isEmpty();

        Job completed = sparse.withStatus(JobStatus.COMPLETED, 99L);
        write((StoreTransaction tx) -> {
            tx.updateJob(completed);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJob("job-sparse"))).contains(completed);
    }

    @Test
    void executionRoundTripsEveryFieldIncludingNullsAndMaps() {
        insertJobs("job-1", "job-2");
        JobExecution full = new JobExecution("job-1", "thing-a", 3, ExecutionStatus.IN_PROGRESS,
                Map.of("progress", "50%", "step", "download"), 100L, 150L, 175L, 7, 15L, 900_175L, true, 2);
        JobExecution sparse = JobExecution.queued("job-2", "thing-a", 1, 200L);
        write((StoreTransaction tx) -> {
            tx.insertExecution(full);
            tx.insertExecution(sparse);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findExecution("job-1", "thing-a", OptionalLong.of(3)))).contains(full);
        assertThat(read((StoreReader r) -> r.findExecution("job-2", "thing-a", OptionalLong.empty()))).contains(sparse);
        assertThat(read((StoreReader r) -> r.findExecution("job-2", "thing-b", OptionalLong.empty()))).isEmpty();
    }

    @Test
    void findExecutionGivesTheLatestOrTheNumberedOneAndNextNumberFollowsTheHighest() {
        insertJobs("job-1");
        assertThat(write((StoreTransaction tx) -> tx.nextExecutionNumber("job-1", "thing-a"))).isEqualTo(1);
        JobExecution first = JobExecution.queued("job-1", "thing-a", 1, 10L).withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, 20L);
        JobExecution second = JobExecution.queued("job-1", "thing-a", 2, 30L);
        write((StoreTransaction tx) -> {
            tx.insertExecution(first);
            tx.insertExecution(second);
            tx.insertExecution(JobExecution.queued("job-1", "thing-b", 1, 40L));
            return null;
        });

        assertThat(read((StoreReader r) -> r.findExecution("job-1", "thing-a", OptionalLong.empty()))).contains(second);
        assertThat(read((StoreReader r) -> r.findExecution("job-1", "thing-a", OptionalLong.of(1)))).contains(first);
        assertThat(read((StoreReader r) -> r.findExecution("job-1", "thing-a", OptionalLong.of(9)))).isEmpty();
        assertThat(write((StoreTransaction tx) -> tx.nextExecutionNumber("job-1", "thing-a"))).isEqualTo(3);
        assertThat(write((StoreTransaction tx) -> tx.nextExecutionNumber("job-1", "thing-b"))).isEqualTo(2);
        assertThat(write((StoreTransaction tx) -> tx.nextExecutionNumber("job-1", "thing-c"))).isEqualTo(1);
    }

    @Test
    void pendingExecutionsOfferInProgressFirstThenOldestQueuedThenCreationOrder() {
        insertJobs("j1", "j2", "j3", "j4", "j5", "j6", "j7");
        write((StoreTransaction tx) -> {
            tx.insertExecution(execution("j1", "t", ExecutionStatus.QUEUED, 300));
            tx.insertExecution(execution("j2", "t", ExecutionStatus.IN_PROGRESS, 500));
            tx.insertExecution(execution("j3", "t", ExecutionStatus.QUEUED, 100));
            tx.insertExecution(execution("j4", "t", ExecutionStatus.QUEUED, 100));
            tx.insertExecution(execution("j5", "t", ExecutionStatus.SUCCEEDED, 50));
            tx.insertExecution(execution("j6", "t", ExecutionStatus.IN_PROGRESS, 200));
            tx.insertExecution(execution("j7", "other", ExecutionStatus.IN_PROGRESS, 1));
            return null;
        });

        assertThat(jobIds(read((StoreReader r) -> r.pendingExecutions("t", 10)))).containsExactly("j6", "j2", "j3", "j4", "j1");
        assertThat(jobIds(read((StoreReader r) -> r.pendingExecutions("t", 2)))).containsExactly("j6", "j2");
        assertThat(read((StoreReader r) -> r.pendingExecutions("nobody", 10))).isEmpty();
    }

    @Test
    void pendingExecutionsFollowStatusChanges() {
        insertJobs("j1", "j2");
        JobExecution older = execution("j1", "t", ExecutionStatus.QUEUED, 100);
        write((StoreTransaction tx) -> {
            tx.insertExecution(older);
            tx.insertExecution(execution("j2", "t", ExecutionStatus.QUEUED, 200));
            return null;
        });
        write((StoreTransaction tx) -> {
            tx.updateExecution(older.withDeviceUpdate(ExecutionStatus.SUCCEEDED, null,
                    StepTimerChange.KEEP, null, 300));
            return null;
        });
        assertThat(jobIds(read((StoreReader r) -> r.pendingExecutions("t", 10)))).containsExactly("j2");
    }

    // paging

    @Test
    void thingsPageByNameWithoutRepeatsOrSkipsWhileThingsAreInserted() {
        write((StoreTransaction tx) -> {
            for (int i = 0; i < 25; i += 2) {
                tx.insertThing(thing(String.format("thing-%02d", i)));
            }
            return null;
        });
        Set<String> atStart = read((StoreReader r) -> r.things(null, 1000)).items().stream().map(Thing::thingName).collect(Collectors.toSet());

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            String current = cursor;
            Page<Thing> p = read((StoreReader r) -> r.things(current, 4));
            assertThat(p.items()).hasSizeLessThanOrEqualTo(4);
            p.items().forEach(t -> seen.add(t.thingName()));
            int n = page++;
            write((StoreTransaction tx) -> {
                tx.insertThing(thing(String.format("thing-%02d", 2 * n + 1)));
                tx.insertThing(thing("thing-zz-" + n));
                return null;
            });
            cursor = p.nextCursor();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(atStart).isSorted();
    }

    @Test
    void executionsForJobPageInCreationOrderWithStatusFilterWhileRowsAreInserted() {
        insertJobs("job", "other");
        write((StoreTransaction tx) -> {
            for (int i = 0; i < 20; i++) {
                tx.insertExecution(execution("job", "t" + i, i % 2 == 0 ? ExecutionStatus.QUEUED : ExecutionStatus.IN_PROGRESS, i));
                tx.insertExecution(execution("other", "t" + i, ExecutionStatus.QUEUED, i));
            }
            return null;
        });
        assertPagesComplete((cursor, limit) -> read((StoreReader r) -> r.executionsForJob("job", null, cursor, limit)),
                n -> execution("job", "late" + n, ExecutionStatus.QUEUED, 0), e -> e.jobId().equals("job"));
        assertPagesComplete((cursor, limit) -> read((StoreReader r) -> r.executionsForJob("job", ExecutionStatus.QUEUED, cursor, limit)),
                n -> execution("job", "later" + n, ExecutionStatus.QUEUED, 0),
                e -> e.jobId().equals("job") && e.status() == ExecutionStatus.QUEUED);
    }

    @Test
    void executionsForThingPageInCreationOrderWithStatusFilterWhileRowsAreInserted() {
        List<String> jobs = IntStream.range(0, 60).mapToObj(i -> "job-" + i).collect(Collectors.toList());
        insertJobs(jobs.toArray(String[]::new));
        write((StoreTransaction tx) -> {
            for (int i = 0; i < 20; i++) {
                tx.insertExecution(execution(jobs.get(i), "t", i % 3 == 0 ? ExecutionStatus.FAILED : ExecutionStatus.QUEUED, i));
                tx.insertExecution(execution(jobs.get(i), "u", ExecutionStatus.FAILED, i));
            }
            return null;
        });
        assertPagesComplete((cursor, limit) -> read((StoreReader r) -> r.executionsForThing("t", null, cursor, limit)),
                n -> execution(jobs.get(20 + n), "t", ExecutionStatus.FAILED, 0), e -> e.thingName().equals("t"));
        assertPagesComplete((cursor, limit) -> read((StoreReader r) -> r.executionsForThing("t", ExecutionStatus.FAILED, cursor, limit)),
                n -> execution(jobs.get(40 + n), "t", ExecutionStatus.FAILED, 0),
                e -> e.thingName().equals("t") && e.status() == ExecutionStatus.FAILED);
    }

    @Test
    void aCursorTheStoreDidNotMakeIsRefused() {
        insertJobs("job");
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            tx.insertThing(thing("b"));
            tx.insertExecution(execution("job", "a", ExecutionStatus.QUEUED, 1));
            tx.insertExecution(execution("job", "b", ExecutionStatus.QUEUED, 2));
            return null;
        });
        String thingCursor = read((StoreReader r) -> r.things(null, 1)).nextCursor();
        String executionCursor = read((StoreReader r) -> r.executionsForJob("job", null, null, 1)).nextCursor();
        String wellFormedBase64 = Base64.getUrlEncoder().encodeToString("hello".getBytes());

        for (String bad : List.of("%%%not-base64%%%", wellFormedBase64, executionCursor, "")) {
            assertThat(readFailure((StoreReader r) -> r.things(bad, 10))).as(bad).isInstanceOf(InvalidRequestException.class);
        }
        for (String bad : List.of("%%%not-base64%%%", wellFormedBase64, thingCursor, "")) {
            assertThat(readFailure((StoreReader r) -> r.executionsForJob("job", null, bad, 10))).as(bad).isInstanceOf(InvalidRequestException.class);
            assertThat(readFailure((StoreReader r) -> r.executionsForThing("a", null, bad, 10))).as(bad).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void theLastPageHasNoCursor() {
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            tx.insertThing(thing("b"));
            return null;
        });
        assertThat(read((StoreReader r) -> r.things(null, 2)).nextCursor()).isNull();
        assertThat(read((StoreReader r) -> r.things(null, 3)).nextCursor()).isNull();
        assertThat(read((StoreReader r) -> r.executionsForJob("nothing", null, null, 3))).isEqualTo(new Page<>(List.of(), null));
    }

    // progress, conflicts, deletes

    @Test
    void progressCountsFollowInsertsUpdatesAndDeletes() {
        insertJobs("job", "other");
        JobExecution a = execution("job", "a", ExecutionStatus.QUEUED, 1);
        JobExecution b = execution("job", "b", ExecutionStatus.QUEUED, 2);
        JobExecution c = execution("job", "c", ExecutionStatus.QUEUED, 3);
        write((StoreTransaction tx) -> {
            tx.insertExecution(a);
            tx.insertExecution(b);
            tx.insertExecution(c);
            tx.insertExecution(execution("other", "a", ExecutionStatus.QUEUED, 1));
            return null;
        });
        assertThat(read((StoreReader r) -> r.progress("job")).count(ExecutionStatus.QUEUED)).isEqualTo(3);

        JobExecution aRunning = a.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, Map.of("p", "1"),
                StepTimerChange.KEEP, null, 10);
        write((StoreTransaction tx) -> {
            tx.updateExecution(aRunning);
            tx.updateExecution(b.withServiceStatus(ExecutionStatus.CANCELED, true, null, 11));
            return null;
        });
        write((StoreTransaction tx) -> {
            tx.updateExecution(aRunning.withDeviceUpdate(ExecutionStatus.SUCCEEDED, null,
                    StepTimerChange.KEEP, null, 12));
            assertThat(tx.deleteExecution("job", "c", 1)).isTrue();
            assertThat(tx.deleteExecution("job", "c", 1)).isFalse();
            return null;
        });

        var progress = read((StoreReader r) -> r.progress("job"));
        assertThat(progress.count(ExecutionStatus.SUCCEEDED)).isEqualTo(1);
        assertThat(progress.count(ExecutionStatus.CANCELED)).isEqualTo(1);
        assertThat(progress.count(ExecutionStatus.QUEUED)).isZero();
        assertThat(progress.count(ExecutionStatus.IN_PROGRESS)).isZero();
        assertThat(progress.total()).isEqualTo(2);
        assertThat(read((StoreReader r) -> r.progress("other")).total()).isEqualTo(1);
        assertThat(read((StoreReader r) -> r.progress("no-such-job")).total()).isZero();
    }

    @Test
    void updateExecutionRefusesAVersionThatDoesNotFollowTheStoredOne() {
        insertJobs("job");
        JobExecution v1 = execution("job", "a", ExecutionStatus.QUEUED, 1);
        write((StoreTransaction tx) -> {
            tx.insertExecution(v1);
            return null;
        });
        JobExecution v2 = v1.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, null, 5);
        write((StoreTransaction tx) -> {
            tx.updateExecution(v2);
            return null;
        });

        // a second writer that also read v1 loses
        Throwable lost = writeFailure((StoreTransaction tx) -> {
            tx.updateExecution(v1.withDeviceUpdate(ExecutionStatus.FAILED, null, StepTimerChange.KEEP, null, 6));
            return null;
        });
        assertThat(lost).isInstanceOf(StoreConflictException.class);
        Throwable missing = writeFailure((StoreTransaction tx) -> {
            tx.updateExecution(execution("job", "nobody", ExecutionStatus.QUEUED, 1));
            return null;
        });
        assertThat(missing).isInstanceOf(StoreConflictException.class);
        assertThat(read((StoreReader r) -> r.findExecution("job", "a", OptionalLong.empty()))).contains(v2);
        assertThat(read((StoreReader r) -> r.progress("job")).count(ExecutionStatus.IN_PROGRESS)).isEqualTo(1);
    }

    @Test
    void insertingAnExistingKeyIsAConflict() {
        insertJobs("job");
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            tx.insertExecution(execution("job", "a", ExecutionStatus.QUEUED, 1));
            return null;
        });

        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertJob(job("job"));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertExecution(execution("job", "a", ExecutionStatus.IN_PROGRESS, 9));
            return null;
        })).isInstanceOf(StoreConflictException.class);
        assertThat(read((StoreReader r) -> r.progress("job")).total()).isEqualTo(1);
    }

    @Test
    void aConflictCaughtInsideTheWorkLetsTheRestOfItCommit() {
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            return null;
        });
        boolean conflicted = write((StoreTransaction tx) -> {
            try {
                tx.insertThing(thing("a"));
                return false;
            } catch (StoreConflictException expected) {
                tx.insertThing(thing("b"));
                return true;
            }
        });
        assertThat(conflicted).isTrue();
        assertThat(read((StoreReader r) -> r.findThing("b"))).isPresent();
    }

    @Test
    void deletingAThingKeepsItsExecutions() {
        insertJobs("job");
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            tx.insertExecution(execution("job", "a", ExecutionStatus.QUEUED, 1));
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.deleteThing("a"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.deleteThing("a"))).isFalse();
        assertThat(read((StoreReader r) -> r.findThing("a"))).isEmpty();
        assertThat(read((StoreReader r) -> r.pendingExecutions("a", 10))).hasSize(1);
    }

    // units of work

    @Test
    void aThrowingUnitOfWorkLeavesNothingAndDoesNotDisturbItsBatch() {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        List<IllegalStateException> thrown = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String name = "thing-" + i;
            IllegalStateException boom = new IllegalStateException("boom " + i);
            thrown.add(boom);
            boolean throwing = i % 3 == 0;
            futures.add(store.write((StoreTransaction tx) -> {
                tx.insertThing(thing(name));
                if (throwing) {
                    throw boom;
                }
                return name;
            }));
        }

        for (int i = 0; i < futures.size(); i++) {
            Throwable failure = futures.get(i).handle((ok, t) -> t).join();
            if (i % 3 == 0) {
                assertThat(failure).isSameAs(thrown.get(i));
            } else {
                assertThat(failure).isNull();
                assertThat(futures.get(i).join()).isEqualTo("thing-" + i);
            }
        }
        Set<String> stored = read((StoreReader r) -> r.things(null, 1000)).items().stream().map(Thing::thingName).collect(Collectors.toSet());
        Set<String> expected = IntStream.range(0, 300).filter(i -> i % 3 != 0).mapToObj(i -> "thing-" + i).collect(Collectors.toSet());
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void aReadSeesOneSnapshotEvenWhenAWriteCommitsDuringIt() throws Exception {
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("before"));
            return null;
        });
        CountDownLatch firstQueryDone = new CountDownLatch(1);
        CountDownLatch writeCommitted = new CountDownLatch(1);
        CompletableFuture<List<Integer>> sizes = store.read((StoreReader r) -> {
            int first = r.things(null, 100).items().size();
            firstQueryDone.countDown();
            try {
                assertThat(writeCommitted.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of(first, r.things(null, 100).items().size(), r.findThing("after").isPresent() ? 1 : 0);
        });
        assertThat(firstQueryDone.await(30, TimeUnit.SECONDS)).isTrue();
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("after"));
            return null;
        });
        writeCommitted.countDown();

        assertThat(sizes.join()).containsExactly(1, 1, 0);
        assertThat(read((StoreReader r) -> r.things(null, 100).items().size())).isEqualTo(2);
    }

    @Test
    void aFailingReadFailsWithWhatItThrew() {
        IllegalArgumentException boom = new IllegalArgumentException("boom");
        assertThat(readFailure((StoreReader r) -> {
            throw boom;
        })).isSameAs(boom);
        assertThat(read((StoreReader r) -> r.findThing("a"))).isEmpty();
    }

    // lifecycle

    @Test
    void committedWritesSurviveCloseAndReopen() {
        insertJobs("job");
        JobExecution e = execution("job", "a", ExecutionStatus.IN_PROGRESS, 1);
        write((StoreTransaction tx) -> {
            tx.insertThing(thing("a"));
            tx.insertExecution(e);
            return null;
        });
        store.close();
        store = openStore();

        assertThat(read((StoreReader r) -> r.findThing("a"))).contains(thing("a"));
        assertThat(read((StoreReader r) -> r.findJob("job"))).contains(job("job"));
        assertThat(read((StoreReader r) -> r.findExecution("job", "a", OptionalLong.of(1)))).contains(e);
        assertThat(read((StoreReader r) -> r.progress("job")).count(ExecutionStatus.IN_PROGRESS)).isEqualTo(1);
    }

    @Test
    void closeCommitsEveryAcceptedWrite() {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String name = String.format("thing-%04d", i);
            futures.add(store.write((StoreTransaction tx) -> {
                tx.insertThing(thing(name));
                return name;
            }));
        }
        store.close();

        Set<String> acknowledged = new HashSet<>();
        for (CompletableFuture<String> f : futures) {
            assertThat(f).isDone();
            if (!f.isCompletedExceptionally()) {
                acknowledged.add(f.join());
            } else {
                assertThat(f.handle((ok, t) -> t).join()).isInstanceOf(StoreUnavailableException.class);
            }
        }
        store = openStore();
        Set<String> stored = read((StoreReader r) -> r.things(null, 5000)).items().stream().map(Thing::thingName).collect(Collectors.toSet());
        assertThat(stored).containsAll(acknowledged);
        assertThat(acknowledged).hasSize(1000);
    }

    @Test
    void workAfterCloseIsRefusedAndCloseIsIdempotent() {
        store.close();
        store.close();
        assertThat(store.write((StoreTransaction tx) -> null).handle((ok, t) -> t).join()).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.read((StoreReader r) -> null).handle((ok, t) -> t).join()).isInstanceOf(StoreUnavailableException.class);
    }

    // helpers

    private void assertPagesComplete(BiFunction<String, Integer, Page<JobExecution>> fetch,
                                     IntFunction<JobExecution> insertedBetweenPages,
                                     Predicate<JobExecution> matches) {
        List<JobExecution> atStart = fetch.apply(null, 10_000).items();
        assertThat(atStart).isNotEmpty();
        List<JobExecution> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            Page<JobExecution> p = fetch.apply(cursor, 3);
            assertThat(p.items()).hasSizeLessThanOrEqualTo(3).allMatch(matches);
            seen.addAll(p.items());
            JobExecution inserted = insertedBetweenPages.apply(page++);
            write((StoreTransaction tx) -> {
                tx.insertExecution(inserted);
                return null;
            });
            cursor = p.nextCursor();
        } while (cursor != null && page < 100);

        List<String> keys = seen.stream().map(e -> e.jobId() + "/" + e.thingName() + "#" + e.executionNumber()).collect(Collectors.toList());
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(seen).containsAll(atStart);
        assertThat(seen.subList(0, atStart.size())).containsExactlyElementsOf(atStart);
    }

    private static List<String> jobIds(List<JobExecution> executions) {
        return executions.stream().map(JobExecution::jobId).collect(Collectors.toList());
    }
}
