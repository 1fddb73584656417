package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RetryCriterion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec 2.8: a retry is a new execution number counted in retryAttempt; never for REJECTED, CANCELED, REMOVED. */
class RetryRulesTest extends WorldTest {

    @BeforeEach
    void createThings() {
        world.things("pump");
    }

    private static JobRunConfig retries(RetryCriterion... criteria) {
        return new JobRunConfig(null, List.of(), List.of(criteria), null);
    }

    @Test
    void aFailedExecutionIsRetriedUnderTheNextNumberUntilTheRetriesAreExhausted() {
        world.job("fw", retries(new RetryCriterion(FailureType.FAILED, 2)), "pump");
        for (int attempt = 0; attempt < 3; attempt++) {
            JobExecution started = world.startNext("pump", null).orElseThrow().execution();
            assertThat(started.executionNumber()).isEqualTo(attempt + 1);
            assertThat(started.retryAttempt()).isEqualTo(attempt);
            assertThat(started.versionNumber()).as("a retry is a fresh execution").isEqualTo(2);
            world.update("pump", "fw", ExecutionStatus.FAILED, null);
        }
        assertThat(world.startNext("pump", null)).as("retries exhausted: nothing more to do").isEmpty();
        assertThat(world.executionsOf("fw")).extracting(JobExecution::status).containsOnly(ExecutionStatus.FAILED).hasSize(3);
        assertThat(world.counts("fw")).as("failed things count attempts").containsEntry(ExecutionStatus.FAILED, 3L);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(world.execution("pump", "fw", 1).execution().status()).isEqualTo(ExecutionStatus.FAILED);
    }

    @Test
    void aTimedOutExecutionIsRetriedAndTheRetryCanSucceed() {
        world.job("fw", retries(new RetryCriterion(FailureType.TIMED_OUT, 1)), "pump");
        world.startNext("pump", 1L);
        world.tick(Duration.ofMinutes(2));
        JobExecution retry = world.execution("pump", "fw").execution();
        assertThat(retry.executionNumber()).isEqualTo(2);
        assertThat(retry.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(retry.retryAttempt()).isEqualTo(1);
        assertThat(retry.queuedAtMillis()).as("queued when the first timed out").isEqualTo(TimeWorld.T0.plusSeconds(60).toEpochMilli());
        assertThat(world.pending("pump").queued()).extracting(JobExecution::executionNumber).containsExactly(2L);

        world.startNext("pump", 1L);
        world.update("pump", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(world.counts("fw")).containsEntry(ExecutionStatus.TIMED_OUT, 1L).containsEntry(ExecutionStatus.SUCCEEDED, 1L);
    }

    @Test
    void aRetryThatTimesOutOnTheWayIsRetriedAgainWithinOneClockMove() {
        world.job("fw", 1L, retries(new RetryCriterion(FailureType.ALL, 3)), "pump");
        world.startNext("pump", null);
        world.tick(Duration.ofMinutes(5));
        assertThat(world.executionsOf("fw")).extracting(JobExecution::status)
                .containsExactly(ExecutionStatus.TIMED_OUT, ExecutionStatus.QUEUED);
    }

    @Test
    void rejectedAndCanceledExecutionsAreNeverRetried() {
        world.things("valve");
        world.job("fw", retries(new RetryCriterion(FailureType.ALL, 10)), "pump", "valve");
        world.update("pump", "fw", ExecutionStatus.REJECTED, null);
        TimeWorld.join(world.executions.cancel("valve", "fw", false, null, null));
        assertThat(world.executionsOf("fw")).hasSize(2);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void noRetryWithoutACriterionForTheFailure() {
        world.job("fw", retries(new RetryCriterion(FailureType.TIMED_OUT, 5)), "pump");
        world.update("pump", "fw", ExecutionStatus.FAILED, null);
        assertThat(world.executionsOf("fw")).hasSize(1);
    }
}
