package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.model.StepTimerChange;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The part of the store contract that timers, retries, rollouts and schedules rely on. It runs as
 * a nested suite of {@link JobStoreContractTest}, so every store that passes the contract passes this too.
 */
public abstract class StoreTimingContract {

    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;

    protected abstract JobStore store();

    static final JobRunConfig FULL = new JobRunConfig(
            new RolloutConfig(20, new ExponentialRate(5, 1.5, 10, 3)),
            List.of(new AbortCriterion(FailureType.ALL, "CANCEL", 12.25, 4)),
            List.of(new RetryCriterion(FailureType.FAILED, 2), new RetryCriterion(FailureType.TIMED_OUT, 1)),
            new ScheduleConfig("2030-01-01T10:00", "2030-01-02T10:00", EndBehavior.FORCE_CANCEL,
                    List.of(new RecurringWindow("cron(0 2 * * ? *)", 90))));

    @Test
    void aJobsRunConfigurationRoundTripsAndUpdates() {
        Job configured = job("configured", FULL, JobStatus.SCHEDULED);
        Job plain = job("plain", JobRunConfig.NONE, JobStatus.IN_PROGRESS);
        write((StoreTransaction tx) -> {
            tx.insertJob(configured);
            tx.insertJob(plain);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJob("configured"))).contains(configured);
        assertThat(read((StoreReader r) -> r.findJob("plain"))).contains(plain);

        JobRunConfig rolloutOnly = new JobRunConfig(new RolloutConfig(3, null), List.of(), List.of(), null);
        Job changed = new Job("plain", TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS, "{}", null, List.of(), 5L, false, null, null,
                T0, T0 + 1, null, rolloutOnly);
        write((StoreTransaction tx) -> {
            tx.updateJob(changed);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJob("plain"))).contains(changed);
    }

    @Test
    void expiredExecutionsAreTheInProgressOnesAtOrPastTheirEarlierDeadline() {
        insertJob("job");
        JobExecution stepOnly = started("job", "a", 5L, null, T0);
        JobExecution inProgressOnly = started("job", "b", null, 3L, T0);
        JobExecution both = started("job", "c", 10L, 4L, T0);
        JobExecution untimed = started("job", "d", null, null, T0);
        JobExecution queued = JobExecution.queued("job", "e", 1, T0);
        JobExecution finished = started("job", "f", 1L, null, T0).withDeviceUpdate(ExecutionStatus.SUCCEEDED, null,
                StepTimerChange.KEEP, null, T0 + 1);
        write((StoreTransaction tx) -> {
            for (JobExecution e : List.of(stepOnly, inProgressOnly, both, untimed, queued, finished)) {
                tx.insertExecution(e);
            }
            return null;
        });
        assertThat(read((StoreReader r) -> r.findExecution("job", "c", OptionalLong.of(1)))).contains(both);

        assertThat(thingNames(read((StoreReader r) -> r.expiredExecutions(T0 + 3 * MINUTE - 1, 10)))).isEmpty();
        assertThat(thingNames(read((StoreReader r) -> r.expiredExecutions(T0 + 3 * MINUTE, 10)))).as("exactly at the deadline").containsExactly("b");
        assertThat(thingNames(read((StoreReader r) -> r.expiredExecutions(T0 + 60 * MINUTE, 10)))).as("earliest deadline first")
                .containsExactly("b", "c", "a");
        assertThat(thingNames(read((StoreReader r) -> r.expiredExecutions(T0 + 60 * MINUTE, 2)))).containsExactly("b", "c");
        assertThat(read((StoreReader r) -> r.nextDueMillis())).hasValue(T0 + 3 * MINUTE);

        JobExecution cleared = both.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.CLEAR, null, T0 + MINUTE);
        JobExecution timedOut = inProgressOnly.withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, T0 + 3 * MINUTE);
        write((StoreTransaction tx) -> {
            tx.updateExecution(cleared);
            tx.updateExecution(timedOut);
            return null;
        });
        assertThat(thingNames(read((StoreReader r) -> r.expiredExecutions(T0 + 60 * MINUTE, 10)))).containsExactly("c", "a");
        assertThat(read((StoreReader r) -> r.nextDueMillis())).hasValue(T0 + 4 * MINUTE);
    }

    @Test
    void rolloutStateRoundTripsAndEachTargetIsTakenOnceInOrder() {
        insertJob("rolled");
        RolloutState initial = RolloutState.initial("rolled", 4).withDue(T0 + MINUTE);
        write((StoreTransaction tx) -> {
            tx.insertRollout(initial, List.of("t-c", "t-a", "t-d", "t-b"));
            return null;
        });
        assertThat(read((StoreReader r) -> r.findRollout("rolled"))).contains(initial);
        assertThat(read((StoreReader r) -> r.findRollout("other"))).isEmpty();

        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 2))).containsExactly("t-c", "t-a");
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 5))).containsExactly("t-d", "t-b");
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 5))).isEmpty();

        RolloutState advanced = new RolloutState("rolled", 4, 0, T0, 4, true, null);
        write((StoreTransaction tx) -> {
            tx.updateRollout(advanced);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findRollout("rolled"))).contains(advanced);
    }

    @Test
    void addedTargetsWaitBehindTheOnesAlreadyThereAndAfterAllWereTaken() {
        insertJob("rolled");
        write((StoreTransaction tx) -> {
            tx.insertRollout(RolloutState.initial("rolled", 2), List.of("t-b", "t-a"));
            tx.addRolloutTargets("rolled", List.of("t-d", "t-c"));
            tx.addRolloutTargets("rolled", List.of());
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 3))).containsExactly("t-b", "t-a", "t-d");
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 3))).containsExactly("t-c");
        write((StoreTransaction tx) -> {
            tx.addRolloutTargets("rolled", List.of("t-f", "t-e"));
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 5))).containsExactly("t-f", "t-e");
    }

    @Test
    void aRolledBackTakeLeavesTheTargetsInPlace() {
        insertJob("rolled");
        write((StoreTransaction tx) -> {
            tx.insertRollout(RolloutState.initial("rolled", 2), List.of("x", "y"));
            return null;
        });
        store().write((StoreTransaction tx) -> {
            tx.takeRolloutTargets("rolled", 2);
            throw new IllegalStateException("the unit of work fails after taking");
        }).handle((ok, failure) -> failure).join();
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 1))).containsExactly("x");
        write((StoreTransaction tx) -> {
            tx.clearRolloutTargets("rolled");
            return null;
        });
        assertThat(write((StoreTransaction tx) -> tx.takeRolloutTargets("rolled", 5))).isEmpty();
    }

    @Test
    void dueRolloutsComeEarliestFirstAndNextDueSeesThem() {
        insertJob("late");
        insertJob("early");
        insertJob("idle");
        write((StoreTransaction tx) -> {
            tx.insertRollout(RolloutState.initial("late", 1).withDue(T0 + 2 * MINUTE), List.of("x"));
            tx.insertRollout(RolloutState.initial("early", 1).withDue(T0 + MINUTE), List.of("y"));
            tx.insertRollout(RolloutState.initial("idle", 0), List.of());
            return null;
        });
        assertThat(read((StoreReader r) -> r.dueRollouts(T0, 10))).isEmpty();
        assertThat(read((StoreReader r) -> r.dueRollouts(T0 + MINUTE, 10))).containsExactly("early");
        assertThat(read((StoreReader r) -> r.dueRollouts(T0 + 5 * MINUTE, 10))).containsExactly("early", "late");
        assertThat(read((StoreReader r) -> r.nextDueMillis())).hasValue(T0 + MINUTE);
    }

    @Test
    void nothingDueIsEmpty() {
        assertThat(read((StoreReader r) -> r.nextDueMillis())).isEmpty();
    }

    @Test
    void devicesAreNotOfferedQueuedExecutionsOfScheduledJobs() {
        JobRunConfig windowed = new JobRunConfig(null, List.of(), List.of(),
                new ScheduleConfig(null, null, null, List.of(new RecurringWindow("cron(0 2 * * ? *)", 60))));
        write((StoreTransaction tx) -> {
            tx.insertJob(job("open", JobRunConfig.NONE, JobStatus.IN_PROGRESS));
            tx.insertJob(job("closed", windowed, JobStatus.SCHEDULED));
            tx.insertJob(job("window-open", windowed, JobStatus.IN_PROGRESS));
            tx.insertExecution(JobExecution.queued("open", "dev", 1, T0 + 3));
            tx.insertExecution(JobExecution.queued("closed", "dev", 1, T0 + 1));
            tx.insertExecution(JobExecution.queued("closed", "dev", 2, T0 + 5)
                    .withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, null, T0 + 5));
            tx.insertExecution(JobExecution.queued("window-open", "dev", 1, T0 + 2));
            return null;
        });
        List<OfferedExecution> offered = read((StoreReader r) -> r.offeredExecutions("dev", 10));
        assertThat(offered).extracting(o -> o.execution().jobId() + "/" + o.execution().executionNumber() + "/" + o.windowed())
                .as("the IN_PROGRESS one of the closed job first, its QUEUED one hidden")
                .containsExactly("closed/2/true", "window-open/1/true", "open/1/false");
        assertThat(read((StoreReader r) -> r.pendingExecutions("dev", 10))).as("all pending, for the service's own use").hasSize(4);
        assertThat(read((StoreReader r) -> r.offeredExecutions("dev", 1))).hasSize(1);
    }

    @Test
    void executionHistoryListsAJobsExecutionsOnAThingByNumber() {
        insertJob("job");
        JobExecution first = JobExecution.queued("job", "t", 1, T0).withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, T0 + 1);
        JobExecution retry = JobExecution.retryOf(first, 2, T0 + 2);
        write((StoreTransaction tx) -> {
            tx.insertExecution(retry);
            tx.insertExecution(first);
            tx.insertExecution(JobExecution.queued("job", "other", 1, T0));
            return null;
        });
        assertThat(read((StoreReader r) -> r.executionHistory("job", "t"))).containsExactly(first, retry);
        assertThat(retry.retryAttempt()).isEqualTo(1);
    }

    private static JobExecution started(String jobId, String thing, Long stepMinutes, Long inProgressMinutes, long at) {
        return JobExecution.queued(jobId, thing, 1, at).withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null,
                StepTimerChange.of(stepMinutes), inProgressMinutes, at);
    }

    private static List<String> thingNames(List<JobExecution> executions) {
        return executions.stream().map(JobExecution::thingName).toList();
    }

    private static Job job(String jobId, JobRunConfig config, JobStatus status) {
        return new Job(jobId, TargetSelection.SNAPSHOT, status, "{}", null, List.of(), null, false, null, null, T0, T0, null, config);
    }

    private void insertJob(String jobId) {
        write((StoreTransaction tx) -> {
            tx.insertJob(job(jobId, JobRunConfig.NONE, JobStatus.IN_PROGRESS));
            return null;
        });
    }

    private <T> T write(Function<StoreTransaction, T> work) {
        return store().write(work).join();
    }

    private <T> T read(Function<StoreReader, T> work) {
        return store().read(work).join();
    }
}
