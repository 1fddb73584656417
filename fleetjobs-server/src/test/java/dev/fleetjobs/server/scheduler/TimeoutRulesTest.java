package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.server.service.ExecutionView;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec 2.7 applied by the scheduler: the service sets TIMED_OUT when the earlier deadline passes. */
class TimeoutRulesTest extends WorldTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @BeforeEach
    void createThings() {
        world.things("pump");
    }

    @Test
    void aStepTimerExpiresExactlyAtItsDeadline() {
        world.job("fw", JobRunConfig.NONE, "pump");
        ExecutionView started = world.startNext("pump", 1L).orElseThrow();
        assertThat(started.approximateSecondsBeforeTimedOut()).isEqualTo(60);

        world.moveClock(MINUTE.minusMillis(1));
        assertThat(world.runDue()).isZero();
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isZero();

        world.moveClock(Duration.ofMillis(1));
        assertThat(world.runDue()).isEqualTo(1);
        JobExecution timedOut = world.execution("pump", "fw").execution();
        assertThat(timedOut.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(timedOut.versionNumber()).as("service changes add one to the version").isEqualTo(3);
        assertThat(timedOut.lastUpdatedAtMillis()).isEqualTo(world.now());
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isNull();
        assertThat(world.describeJob("fw").job().status()).as("nothing is pending any more").isEqualTo(JobStatus.COMPLETED);
        assertThat(world.counts("fw")).containsEntry(ExecutionStatus.TIMED_OUT, 1L);
    }

    @Test
    void theInProgressTimerStartsWhenTheDeviceStarts() {
        world.job("fw", 5L, JobRunConfig.NONE, "pump");
        world.tick(Duration.ofMinutes(30));
        assertThat(world.status("pump", "fw")).as("QUEUED executions never time out").isEqualTo(ExecutionStatus.QUEUED);

        world.update("pump", "fw", ExecutionStatus.IN_PROGRESS, null);
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isEqualTo(300);
        world.tick(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
        world.tick(Duration.ofSeconds(1));
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void aStepTimerThatWouldPassTheInProgressDeadlineEndsThere() {
        world.job("fw", 20L, JobRunConfig.NONE, "pump");
        world.startNext("pump", null);
        world.tick(Duration.ofMinutes(13));
        JobExecution stepped = world.update("pump", "fw", ExecutionStatus.IN_PROGRESS, 9L);
        assertThat(stepped.timeoutDeadlineMillis()).isEqualTo(TimeWorld.T0.plus(Duration.ofMinutes(20)).toEpochMilli());
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isEqualTo(7 * 60);

        world.tick(Duration.ofMinutes(7));
        JobExecution ended = world.execution("pump", "fw").execution();
        assertThat(ended.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(ended.lastUpdatedAtMillis()).as("at the in-progress deadline, not the step's")
                .isEqualTo(TimeWorld.T0.plus(Duration.ofMinutes(20)).toEpochMilli());
    }

    @Test
    void aNewStepTimerReplacesTheOldOneAndMinusOneDiscardsIt() {
        world.job("fw", JobRunConfig.NONE, "pump");
        world.startNext("pump", 2L);
        world.tick(Duration.ofSeconds(90));
        world.update("pump", "fw", ExecutionStatus.IN_PROGRESS, 3L);
        world.tick(Duration.ofMinutes(2));
        assertThat(world.status("pump", "fw")).as("the first timer would have fired by now").isEqualTo(ExecutionStatus.IN_PROGRESS);

        world.update("pump", "fw", ExecutionStatus.IN_PROGRESS, -1L);
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isNull();
        world.tick(Duration.ofDays(8));
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
    }

    @Test
    void aFinishedExecutionIsNotTimedOutAndATimedOutOneCannotBeFinished() {
        world.things("valve");
        world.job("fw", JobRunConfig.NONE, "pump", "valve");
        world.startNext("pump", 1L);
        world.startNext("valve", 1L);
        world.update("pump", "fw", ExecutionStatus.SUCCEEDED, null);
        world.tick(Duration.ofMinutes(3));
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(world.status("valve", "fw")).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThatThrownBy(() -> world.update("valve", "fw", ExecutionStatus.SUCCEEDED, null))
                .isInstanceOf(InvalidStateTransitionException.class);
    }

    @Test
    void timeLeftIsReportedToDevicesAndOperatorsAlike() {
        world.job("fw", JobRunConfig.NONE, "pump");
        world.startNext("pump", 10L);
        world.tick(Duration.ofSeconds(95));
        assertThat(world.next("pump").orElseThrow().approximateSecondsBeforeTimedOut()).isEqualTo(600 - 95);
        assertThat(world.execution("pump", "fw").approximateSecondsBeforeTimedOut()).isEqualTo(600 - 95);
    }
}
