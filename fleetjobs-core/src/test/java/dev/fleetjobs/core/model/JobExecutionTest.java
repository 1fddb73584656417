package dev.fleetjobs.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JobExecutionTest {

    private final JobExecution queued = JobExecution.queued("job", "thing", 1, 1_000);

    @Test
    void aNewExecutionIsQueuedAtVersionOne() {
        assertThat(queued.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(queued.versionNumber()).isEqualTo(1);
        assertThat(queued.startedAtMillis()).isNull();
        assertThat(queued.statusDetails()).isEmpty();
    }

    @Test
    void startingSetsStartedAtBumpsVersionAndStartsTheStepTimer() {
        JobExecution started = queued.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, Map.of("step", "1"), StepTimerChange.of(5L), null, 2_000);
        assertThat(started.startedAtMillis()).isEqualTo(2_000);
        assertThat(started.lastUpdatedAtMillis()).isEqualTo(2_000);
        assertThat(started.versionNumber()).isEqualTo(2);
        assertThat(started.stepTimeoutMinutes()).isEqualTo(5);
        assertThat(started.stepDeadlineMillis()).isEqualTo(2_000 + 5 * 60_000);
        assertThat(started.statusDetails()).containsEntry("step", "1");
    }

    @Test
    void detailsAreReplacedWhenGivenAndKeptWhenNot() {
        JobExecution started = queued.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, Map.of("a", "1"), StepTimerChange.KEEP, null, 2_000);
        JobExecution kept = started.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, null, 3_000);
        JobExecution replaced = kept.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, Map.of("b", "2"), StepTimerChange.KEEP, null, 4_000);
        assertThat(kept.statusDetails()).isEqualTo(Map.of("a", "1"));
        assertThat(replaced.statusDetails()).isEqualTo(Map.of("b", "2"));
        assertThat(replaced.startedAtMillis()).isEqualTo(2_000);
    }

    @Test
    void minusOneDiscardsTheStepTimerAndTerminalStatusesStopIt() {
        JobExecution timed = queued.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.of(5L), null, 2_000);
        assertThat(timed.withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.of(-1L), null, 3_000).stepDeadlineMillis()).isNull();
        assertThat(timed.withDeviceUpdate(ExecutionStatus.SUCCEEDED, null, StepTimerChange.KEEP, null, 3_000).stepDeadlineMillis()).isNull();
    }

    @Test
    void serviceStatusesBumpTheVersionAndRecordForce() {
        JobExecution canceled = queued.withServiceStatus(ExecutionStatus.CANCELED, true, null, 5_000);
        assertThat(canceled.versionNumber()).isEqualTo(2);
        assertThat(canceled.forceCanceled()).isTrue();
        assertThat(canceled.lastUpdatedAtMillis()).isEqualTo(5_000);
    }
}
