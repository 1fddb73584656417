package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RecurringWindow;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.server.service.PendingExecutions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** schedulingConfig: start and end times with their end behaviours, and maintenance windows. The clock starts at 12:00. */
class ScheduleRulesTest extends WorldTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @BeforeEach
    void createThings() {
        world.things("t1", "t2", "t3");
    }

    private static JobRunConfig schedule(RolloutConfig rollout, String start, String end, EndBehavior behavior, RecurringWindow... windows) {
        return new JobRunConfig(rollout, List.of(), List.of(), new ScheduleConfig(start, end, behavior, List.of(windows)));
    }

    private JobStatus jobStatus(String jobId) {
        return world.describeJob(jobId).job().status();
    }

    @Test
    void aJobIsScheduledUntilItsStartTimeAndNothingIsOfferedBefore() {
        Job created = world.job("fw", schedule(null, "2025-03-10T12:30", null, null), "t1", "t2");
        assertThat(created.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(world.executionsOf("fw")).isEmpty();
        assertThat(world.startNext("t1", null)).isEmpty();

        world.tick(Duration.ofMinutes(30).minusSeconds(1));
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.SCHEDULED);
        world.tick(Duration.ofSeconds(1));
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(world.executionsOf("fw")).extracting(JobExecution::thingName).containsExactly("t1", "t2");
        assertThat(world.startNext("t1", null)).isPresent();
    }

    @Test
    void stopRolloutAtTheEndOffersNothingMoreButLetsTheOffersRunOn() {
        String[] targets = new String[40];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = "many-" + i;
        }
        world.things(targets);
        world.job("fw", schedule(new RolloutConfig(1, null), null, "2025-03-10T12:30", EndBehavior.STOP_ROLLOUT), targets);
        world.startNext("many-0", null);
        world.tick(Duration.ofMinutes(29));
        assertThat(world.executionsOf("fw")).as("one a minute from 12:00 to 12:29").hasSize(30);
        world.tick(MINUTE);
        assertThat(world.executionsOf("fw")).as("the end came before the 31st").hasSize(30);
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(world.describeJob("fw").concurrent()).isFalse();
        world.tick(Duration.ofMinutes(10));
        assertThat(world.executionsOf("fw")).hasSize(30);

        for (int i = 0; i < 30; i++) {
            world.update("many-" + i, "fw", ExecutionStatus.SUCCEEDED, null);
        }
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void cancelAtTheEndCancelsQueuedExecutionsOnly() {
        world.job("fw", schedule(null, null, "2025-03-10T12:30", EndBehavior.CANCEL), "t1", "t2");
        world.startNext("t1", 60L);
        world.tick(Duration.ofMinutes(30));
        Job ended = world.describeJob("fw").job();
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(ended.forceCanceled()).isFalse();
        assertThat(ended.reasonCode()).isEqualTo("SCHEDULED_END_REACHED");
        assertThat(ended.comment()).contains("2025-03-10T12:30").contains("CANCEL");
        assertThat(world.status("t1", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(world.status("t2", "fw")).isEqualTo(ExecutionStatus.CANCELED);
    }

    @Test
    void forceCancelAtTheEndCancelsRunningExecutionsToo() {
        world.job("fw", schedule(null, null, "2025-03-10T12:30", EndBehavior.FORCE_CANCEL), "t1", "t2");
        world.startNext("t1", 60L);
        world.tick(Duration.ofMinutes(30));
        assertThat(world.describeJob("fw").job().forceCanceled()).isTrue();
        JobExecution running = world.execution("t1", "fw").execution();
        assertThat(running.status()).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(running.forceCanceled()).isTrue();
        assertThat(world.execution("t1", "fw").approximateSecondsBeforeTimedOut()).isNull();
    }

    @Test
    void executionsAreOfferedOnlyInsideMaintenanceWindows() {
        world.job("fw", schedule(null, null, null, null, new RecurringWindow("cron(0 13 * * ? *)", 60)), "t1");
        world.job("other", JobRunConfig.NONE, "t1");
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.SCHEDULED);
        assertThat(world.pending("t1").queued()).extracting(JobExecution::jobId).containsExactly("other");

        world.tick(Duration.ofHours(1));
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(world.pending("t1").queued()).extracting(JobExecution::jobId).containsExactly("other", "fw");

        world.tick(Duration.ofMinutes(59));
        assertThat(world.pending("t1").queued()).hasSize(2);
        world.tick(MINUTE);
        assertThat(jobStatus("fw")).as("the window closed").isEqualTo(JobStatus.SCHEDULED);
        assertThat(world.pending("t1").queued()).extracting(JobExecution::jobId).containsExactly("other");
        assertThat(world.next("t1").orElseThrow().execution().jobId()).isEqualTo("other");

        world.tick(Duration.ofHours(23));
        assertThat(world.pending("t1").queued()).as("the next day's window").hasSize(2);
    }

    @Test
    void aRunningExecutionStaysVisibleWhenItsWindowCloses() {
        world.job("fw", schedule(null, null, null, null, new RecurringWindow("cron(0 13 * * ? *)", 30)), "t1");
        world.tick(Duration.ofHours(1));
        world.startNext("t1", null);
        world.tick(Duration.ofMinutes(30));
        assertThat(jobStatus("fw")).isEqualTo(JobStatus.SCHEDULED);
        assertThat(world.pending("t1").inProgress()).extracting(JobExecution::jobId).containsExactly("fw");
        assertThat(world.startNext("t1", null).orElseThrow().execution().status()).isEqualTo(ExecutionStatus.IN_PROGRESS);
        world.update("t1", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(jobStatus("fw")).as("a job between windows completes like any other").isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void describeJobListsTheNextSevenWindows() {
        world.job("fw", schedule(null, null, null, null, new RecurringWindow("cron(0 2 ? * MON-FRI *)", 60)), "t1");
        List<Long> windows = world.describeJob("fw").scheduledRolloutStartMillis();
        assertThat(windows).hasSize(7);
        assertThat(windows.get(0)).isEqualTo(Instant.parse("2025-03-11T02:00:00Z").toEpochMilli());
        assertThat(windows.get(4)).as("Friday, then the weekend is skipped").isEqualTo(Instant.parse("2025-03-17T02:00:00Z").toEpochMilli());
    }

    @Test
    void thePendingListHoldsTenRegularAndFiveMaintenanceWindowExecutions() {
        JobRunConfig windowed = schedule(null, null, null, null, new RecurringWindow("cron(0 12 * * ? *)", 60));
        for (int i = 0; i < 7; i++) {
            world.job("w" + i, windowed, "t1");
        }
        for (int i = 0; i < 12; i++) {
            world.job(String.format("r%02d", i), JobRunConfig.NONE, "t1");
        }
        PendingExecutions pending = world.pending("t1");
        assertThat(pending.queued()).hasSize(15);
        assertThat(pending.queued()).filteredOn(e -> e.jobId().startsWith("w")).hasSize(5);
        assertThat(pending.queued()).filteredOn(e -> e.jobId().startsWith("r")).hasSize(10);
    }
}
