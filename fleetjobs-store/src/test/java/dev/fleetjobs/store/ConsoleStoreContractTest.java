package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.core.security.ConsoleSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Console sessions and the fleet-wide views, whatever database is behind the store. */
public abstract class ConsoleStoreContractTest extends StoreContractSupport {

    @Test
    void sessionsRoundTripAndEndBySignOutOrExpiry() {
        ConsoleSession a = new ConsoleSession("hash-a", "KEY1", 1_000L, 5_000L);
        ConsoleSession b = new ConsoleSession("hash-b", "KEY2", 1_000L, 9_000L);
        write((StoreTransaction tx) -> {
            tx.insertConsoleSession(a);
            tx.insertConsoleSession(b);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findConsoleSession("hash-a"))).contains(a);
        assertThat(writeFailure(tx -> {
            tx.insertConsoleSession(a);
            return null;
        })).isInstanceOf(StoreConflictException.class);

        assertThat(write((StoreTransaction tx) -> tx.deleteConsoleSession("hash-a"))).isTrue();
        assertThat(write((StoreTransaction tx) -> tx.deleteConsoleSession("hash-a"))).isFalse();
        assertThat(read((StoreReader r) -> r.findConsoleSession("hash-a"))).isEmpty();

        assertThat(write((StoreTransaction tx) -> tx.deleteExpiredConsoleSessions(8_999L))).isZero();
        assertThat(write((StoreTransaction tx) -> tx.deleteExpiredConsoleSessions(9_000L))).isEqualTo(1);
        assertThat(read((StoreReader r) -> r.findConsoleSession("hash-b"))).isEmpty();
    }

    @Test
    void fleetCountsSumEveryJobAndStatus() {
        insertJobs("job-a", "job-b");
        write((StoreTransaction tx) -> {
            tx.updateJob(job("job-b").withStatus(JobStatus.COMPLETED, 5L));
            tx.insertExecution(execution("job-a", "t1", ExecutionStatus.QUEUED, 10));
            tx.insertExecution(execution("job-a", "t2", ExecutionStatus.SUCCEEDED, 10));
            tx.insertExecution(execution("job-b", "t1", ExecutionStatus.SUCCEEDED, 10));
            tx.insertExecution(execution("job-b", "t3", ExecutionStatus.FAILED, 10));
            return null;
        });
        assertThat(read(StoreReader::jobCountsByStatus)).isEqualTo(Map.of(JobStatus.IN_PROGRESS, 1L, JobStatus.COMPLETED, 1L));
        assertThat(read(StoreReader::executionCountsByStatus)).isEqualTo(Map.of(ExecutionStatus.QUEUED, 1L,
                ExecutionStatus.SUCCEEDED, 2L, ExecutionStatus.FAILED, 1L));

        write((StoreTransaction tx) -> {
            tx.updateExecution(withStatus(tx.findExecution("job-a", "t1", java.util.OptionalLong.empty()).orElseThrow(),
                    ExecutionStatus.CANCELED, 20));
            return null;
        });
        assertThat(read(StoreReader::executionCountsByStatus)).doesNotContainKey(ExecutionStatus.QUEUED)
                .containsEntry(ExecutionStatus.CANCELED, 1L);
    }

    @Test
    void latestFailuresAreFailedTimedOutAndRejectedOnesLatestFirst() {
        insertJobs("job-a");
        write((StoreTransaction tx) -> {
            tx.insertExecution(atTime(execution("job-a", "t1", ExecutionStatus.FAILED, 10), 30));
            tx.insertExecution(atTime(execution("job-a", "t2", ExecutionStatus.SUCCEEDED, 10), 40));
            tx.insertExecution(atTime(execution("job-a", "t3", ExecutionStatus.TIMED_OUT, 10), 50));
            tx.insertExecution(atTime(execution("job-a", "t4", ExecutionStatus.REJECTED, 10), 20));
            tx.insertExecution(atTime(execution("job-a", "t5", ExecutionStatus.CANCELED, 10), 60));
            return null;
        });
        assertThat(read((StoreReader r) -> r.latestFailures(10))).extracting(JobExecution::thingName).containsExactly("t3", "t1", "t4");
        assertThat(read((StoreReader r) -> r.latestFailures(2))).extracting(JobExecution::thingName).containsExactly("t3", "t1");
    }

    @Test
    void progressSamplesAreKeptOncePerJobAndInstantInTimeOrder() {
        insertJobs("job-a", "job-b");
        JobProgress early = new JobProgress(Map.of(ExecutionStatus.QUEUED, 3L));
        JobProgress later = new JobProgress(Map.of(ExecutionStatus.QUEUED, 1L, ExecutionStatus.SUCCEEDED, 1L, ExecutionStatus.REMOVED, 1L));
        write((StoreTransaction tx) -> {
            tx.insertProgressSample(new ProgressSample("job-a", 2_000, later));
            tx.insertProgressSample(new ProgressSample("job-a", 1_000, early));
            // A second node sampling the same instant changes nothing.
            tx.insertProgressSample(new ProgressSample("job-a", 1_000, later));
            tx.insertProgressSample(new ProgressSample("job-b", 1_500, early));
            return null;
        });
        assertThat(read((StoreReader r) -> r.progressSamples("job-a", 0))).containsExactly(
                new ProgressSample("job-a", 1_000, early), new ProgressSample("job-a", 2_000, later));
        assertThat(read((StoreReader r) -> r.progressSamples("job-a", 1_001))).containsExactly(new ProgressSample("job-a", 2_000, later));
        assertThat(read((StoreReader r) -> r.latestProgressSample("job-a"))).contains(new ProgressSample("job-a", 2_000, later));
        assertThat(read((StoreReader r) -> r.latestProgressSample("job-c"))).isEmpty();
    }

    @Test
    void runningJobsAndJobsChangedSinceAreSampled() {
        insertJobs("job-running", "job-done-early", "job-done-late");
        write((StoreTransaction tx) -> {
            tx.updateJob(job("job-done-early").withStatus(JobStatus.COMPLETED, 5L));
            tx.updateJob(job("job-done-late").withStatus(JobStatus.CANCELED, 50L));
            return null;
        });
        assertThat(read((StoreReader r) -> r.jobsToSample(10L))).containsExactly("job-done-late", "job-running");
    }

    @Test
    void jobsWithAnIdPrefixAreThoseStartingWithIt() {
        insertJobs("fw-1", "fw-2", "fw-3", "fx-1", "a-fw-1");
        Page<dev.fleetjobs.core.model.Job> first = read((StoreReader r) -> r.jobsWithIdPrefix(JobQuery.ALL, "fw-", null, 2));
        assertThat(first.items()).extracting(dev.fleetjobs.core.model.Job::jobId).containsExactly("fw-1", "fw-2");
        Page<dev.fleetjobs.core.model.Job> second = read((StoreReader r) -> r.jobsWithIdPrefix(JobQuery.ALL, "fw-", first.nextCursor(), 2));
        assertThat(second.items()).extracting(dev.fleetjobs.core.model.Job::jobId).containsExactly("fw-3");
        assertThat(second.nextCursor()).isNull();
        assertThat(read((StoreReader r) -> r.jobsWithIdPrefix(new JobQuery(JobStatus.COMPLETED, null, null, null), "fw", null, 10))
                .items()).isEmpty();
    }

    private static JobExecution atTime(JobExecution e, long lastUpdatedAt) {
        return new JobExecution(e.jobId(), e.thingName(), e.executionNumber(), e.status(), e.statusDetails(), e.queuedAtMillis(),
                e.startedAtMillis(), lastUpdatedAt, e.versionNumber(), null, null, false, 0);
    }

    private static JobExecution withStatus(JobExecution e, ExecutionStatus status, long at) {
        return new JobExecution(e.jobId(), e.thingName(), e.executionNumber(), status, e.statusDetails(), e.queuedAtMillis(),
                e.startedAtMillis(), at, e.versionNumber() + 1, null, null, false, 0);
    }
}
