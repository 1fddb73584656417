package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Spec 2.9: abort criteria met cancel the job; only QUEUED executions are canceled. */
class AbortRulesTest extends WorldTest {

    @BeforeEach
    void createThings() {
        world.things("t1", "t2", "t3", "t4", "t5", "t6");
    }

    @Test
    void theThresholdReachedWithTheMinimumCountExactlyCancelsTheJob() {
        JobRunConfig config = new JobRunConfig(new RolloutConfig(4, null),
                List.of(new AbortCriterion(FailureType.FAILED, "CANCEL", 50.0, 4)), List.of(), null);
        world.job("fw", config, "t1", "t2", "t3", "t4", "t5", "t6");
        world.startNext("t3", null);
        world.update("t1", "fw", ExecutionStatus.FAILED, null);
        assertThat(world.describeJob("fw").job().status()).as("1 of 4 failed: 25%").isEqualTo(JobStatus.IN_PROGRESS);

        world.update("t2", "fw", ExecutionStatus.FAILED, null);
        Job aborted = world.describeJob("fw").job();
        assertThat(aborted.status()).as("2 of 4 = 50% with 4 executed things").isEqualTo(JobStatus.CANCELED);
        assertThat(aborted.forceCanceled()).isFalse();
        assertThat(aborted.reasonCode()).isEqualTo("ABORT_CRITERIA_MET");
        assertThat(aborted.comment()).contains("2 of 4 executed things (50%) ended FAILED");
        assertThat(aborted.completedAtMillis()).isEqualTo(world.now());

        assertThat(world.status("t3", "fw")).as("IN_PROGRESS runs on").isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(world.status("t4", "fw")).as("QUEUED is canceled").isEqualTo(ExecutionStatus.CANCELED);
        world.tick(Duration.ofMinutes(5));
        assertThat(world.executionsOf("fw")).as("the rest of the rollout never comes").hasSize(4);
        world.update("t3", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.status("t3", "fw")).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void belowTheMinimumNumberOfExecutedThingsNothingAborts() {
        JobRunConfig config = new JobRunConfig(new RolloutConfig(2, null),
                List.of(new AbortCriterion(FailureType.ALL, "CANCEL", 10.0, 3)), List.of(), null);
        world.job("fw", config, "t1", "t2", "t3", "t4");
        world.update("t1", "fw", ExecutionStatus.REJECTED, null);
        world.update("t2", "fw", ExecutionStatus.FAILED, null);
        assertThat(world.describeJob("fw").job().status()).as("100% failed, but only 2 things executed").isEqualTo(JobStatus.IN_PROGRESS);

        world.tick(Duration.ofMinutes(1));
        assertThat(world.describeJob("fw").job().status()).as("4 executed, 2 failures = 50% >= 10%").isEqualTo(JobStatus.CANCELED);
        assertThat(world.executionsOf("fw")).extracting(JobExecution::status).containsExactly(ExecutionStatus.REJECTED,
                ExecutionStatus.FAILED, ExecutionStatus.CANCELED, ExecutionStatus.CANCELED);
    }

    @Test
    void timeoutsCountAndAbortCancelsQueuedRetries() {
        JobRunConfig config = new JobRunConfig(null, List.of(new AbortCriterion(FailureType.TIMED_OUT, "CANCEL", 50.0, 1)),
                List.of(new RetryCriterion(FailureType.TIMED_OUT, 3)), null);
        world.job("fw", 1L, config, "t1", "t2");
        world.startNext("t1", null);
        world.tick(Duration.ofMinutes(1));
        assertThat(world.describeJob("fw").job().status()).as("1 of 2 timed out: 50%").isEqualTo(JobStatus.CANCELED);
        assertThat(world.executionsOf("fw")).extracting(e -> e.thingName() + "#" + e.executionNumber() + ":" + e.status())
                .containsExactlyInAnyOrder("t1#1:TIMED_OUT", "t2#1:CANCELED", "t1#2:CANCELED");
    }
}
