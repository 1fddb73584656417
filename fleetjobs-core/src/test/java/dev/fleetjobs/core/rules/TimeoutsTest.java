package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.StepTimerChange;
import org.junit.jupiter.api.Test;

/** Spec 2.7: in-progress and step timers, the earlier deadline wins, expiry exactly at the deadline. */
class TimeoutsTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final long MINUTE = 60_000L;

    private final JobExecution queued = JobExecution.queued("job", "thing", 1, T0);

    @Test
    void theInProgressTimerStartsWhenTheExecutionStartsAndIsFixedThen() {
        JobExecution started = start(queued, StepTimerChange.KEEP, 20L, T0 + MINUTE);
        assertThat(started.inProgressDeadlineMillis()).isEqualTo(T0 + 21 * MINUTE);
        JobExecution progressed = started.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, 5L, T0 + 2 * MINUTE);
        assertThat(progressed.inProgressDeadlineMillis()).as("a later in-progress timeout does not move a started timer")
                .isEqualTo(T0 + 21 * MINUTE);
        assertThat(progressed.timeoutDeadlineMillis()).isEqualTo(T0 + 21 * MINUTE);
    }

    @Test
    void queuedExecutionsHaveNoDeadline() {
        assertThat(queued.timeoutDeadlineMillis()).isNull();
        assertThat(Timeouts.isExpired(queued, Long.MAX_VALUE)).isFalse();
        assertThat(Timeouts.secondsBeforeTimedOut(queued, T0)).isNull();
    }

    @Test
    void theEarlierOfStepAndInProgressDeadlineWins() {
        JobExecution started = start(queued, StepTimerChange.of(7L), 20L, T0);
        assertThat(started.timeoutDeadlineMillis()).isEqualTo(T0 + 7 * MINUTE);
        JobExecution shorter = started.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.of(5L), 20L, T0 + 10 * MINUTE);
        assertThat(shorter.timeoutDeadlineMillis()).as("a new step timer replaces the previous one").isEqualTo(T0 + 15 * MINUTE);
    }

    @Test
    void aStepTimerThatWouldPassTheInProgressDeadlineStopsAtIt() {
        // The documentation's example: 20-minute in-progress timer, a 9-minute step set at 12:13 ends at 12:20.
        JobExecution started = start(queued, StepTimerChange.KEEP, 20L, T0);
        JobExecution stepped = started.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.of(9L), 20L, T0 + 13 * MINUTE);
        assertThat(stepped.stepDeadlineMillis()).isEqualTo(T0 + 22 * MINUTE);
        assertThat(stepped.timeoutDeadlineMillis()).isEqualTo(T0 + 20 * MINUTE);
        assertThat(Timeouts.isExpired(stepped, T0 + 20 * MINUTE - 1)).isFalse();
        assertThat(Timeouts.isExpired(stepped, T0 + 20 * MINUTE)).isTrue();
    }

    @Test
    void minusOneDiscardsTheStepTimerAndLeavesTheInProgressOne() {
        JobExecution started = start(queued, StepTimerChange.of(3L), 20L, T0);
        JobExecution cleared = started.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.CLEAR, 20L, T0 + MINUTE);
        assertThat(cleared.timeoutDeadlineMillis()).isEqualTo(T0 + 20 * MINUTE);
        JobExecution noTimers = start(queued, StepTimerChange.of(3L), null, T0)
                .withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.CLEAR, null, T0 + MINUTE);
        assertThat(noTimers.timeoutDeadlineMillis()).isNull();
    }

    @Test
    void anExecutionExpiresExactlyAtItsDeadlineNotBefore() {
        JobExecution started = start(queued, StepTimerChange.of(1L), null, T0);
        assertThat(Timeouts.isExpired(started, T0 + MINUTE - 1)).isFalse();
        assertThat(Timeouts.isExpired(started, T0 + MINUTE)).isTrue();
        assertThat(Timeouts.isExpired(started, T0 + 3 * MINUTE)).isTrue();
    }

    @Test
    void terminalExecutionsNeverExpire() {
        JobExecution done = start(queued, StepTimerChange.of(1L), 5L, T0)
                .withDeviceUpdate(ExecutionStatus.SUCCEEDED, null, StepTimerChange.KEEP, 5L, T0 + 1);
        assertThat(Timeouts.isExpired(done, T0 + 10 * MINUTE)).isFalse();
        JobExecution timedOut = start(queued, StepTimerChange.of(1L), 5L, T0).withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, T0 + MINUTE);
        assertThat(timedOut.timeoutDeadlineMillis()).isNull();
    }

    @Test
    void secondsBeforeTimedOutCountDownInWholeSecondsAndStopAtZero() {
        JobExecution started = start(queued, StepTimerChange.of(1L), null, T0);
        assertThat(Timeouts.secondsBeforeTimedOut(started, T0)).isEqualTo(60);
        assertThat(Timeouts.secondsBeforeTimedOut(started, T0 + 1)).isEqualTo(59);
        assertThat(Timeouts.secondsBeforeTimedOut(started, T0 + 59_000)).isEqualTo(1);
        assertThat(Timeouts.secondsBeforeTimedOut(started, T0 + 61_000)).isZero();
    }

    private static JobExecution start(JobExecution execution, StepTimerChange step, Long inProgressMinutes, long now) {
        return execution.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, step, inProgressMinutes, now);
    }
}
