package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.server.service.JobDetails;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An execution beyond the current rollout rate is not offered yet: it does not exist until the rollout creates it. */
class RolloutRulesTest extends WorldTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @BeforeEach
    void createThings() {
        world.things("t1", "t2", "t3", "t4", "t5");
    }

    private static JobRunConfig rollout(RolloutConfig rollout) {
        return new JobRunConfig(rollout, List.of(), List.of(), null);
    }

    private List<String> offeredThings(String jobId) {
        return world.executionsOf(jobId).stream().map(JobExecution::thingName).toList();
    }

    @Test
    void aConstantRateOffersThatManyThingsEachMinuteInTargetOrder() {
        world.job("fw", rollout(new RolloutConfig(2, null)), "t3", "t1", "t5", "t2", "t4");
        assertThat(offeredThings("fw")).containsExactly("t3", "t1");
        JobDetails rolling = world.describeJob("fw");
        assertThat(rolling.concurrent()).isTrue();
        assertThat(rolling.progress().count(ExecutionStatus.QUEUED)).as("only offered things are queued").isEqualTo(2);

        assertThat(world.pending("t5").queued()).isEmpty();
        assertThat(world.next("t5")).isEmpty();
        assertThat(world.startNext("t5", null)).isEmpty();
        assertThatThrownBy(() -> world.execution("t5", "fw")).isInstanceOf(ResourceNotFoundException.class);

        world.tick(MINUTE.minusSeconds(1));
        assertThat(offeredThings("fw")).hasSize(2);
        world.tick(Duration.ofSeconds(1));
        assertThat(offeredThings("fw")).containsExactly("t3", "t1", "t5", "t2");
        assertThat(world.pending("t5").queued()).hasSize(1);

        world.tick(MINUTE);
        assertThat(offeredThings("fw")).containsExactly("t3", "t1", "t5", "t2", "t4");
        assertThat(world.describeJob("fw").concurrent()).isFalse();
        assertThat(world.execution("t4", "fw").execution().queuedAtMillis()).isEqualTo(TimeWorld.T0.plus(MINUTE.multipliedBy(2)).toEpochMilli());
    }

    @Test
    void aJobDoesNotCompleteWhileTargetsWaitForTheirTurn() {
        world.job("fw", rollout(new RolloutConfig(1, null)), "t1", "t2");
        world.update("t1", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        world.tick(MINUTE);
        world.update("t2", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(world.scheduler.nextDueMillis()).as("nothing left to do").isEqualTo(OptionalLong.empty());
    }

    @Test
    void theExponentialRateGrowsWithSucceededThingsCappedByTheMaximum() {
        world.things("t6", "t7", "t8", "t9");
        world.job("fw", rollout(new RolloutConfig(3, new ExponentialRate(1, 2.0, null, 1))),
                "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
        assertThat(offeredThings("fw")).hasSize(1);
        world.tick(MINUTE);
        assertThat(offeredThings("fw")).as("no success yet: still 1 a minute").hasSize(2);
        world.update("t1", "fw", ExecutionStatus.SUCCEEDED, null);
        world.tick(MINUTE);
        assertThat(offeredThings("fw")).as("1 success: 2 a minute").hasSize(4);
        world.update("t2", "fw", ExecutionStatus.SUCCEEDED, null);
        world.tick(MINUTE);
        assertThat(offeredThings("fw")).as("2 successes: 4 a minute, capped at 3").hasSize(7);
    }

    @Test
    void aThingDeletedBeforeItsTurnIsSkipped() {
        world.job("fw", rollout(new RolloutConfig(1, null)), "t1", "t2", "t3");
        TimeWorld.join(world.things.delete("t2", null));
        world.tick(MINUTE.multipliedBy(3));
        assertThat(offeredThings("fw")).containsExactly("t1", "t3");
    }

    @Test
    void canceledJobsStopRollingOut() {
        world.job("fw", rollout(new RolloutConfig(1, null)), "t1", "t2", "t3");
        TimeWorld.join(world.lifecycle.cancel("fw", false, null, null));
        world.tick(MINUTE.multipliedBy(3));
        assertThat(world.executionsOf("fw")).extracting(JobExecution::status).containsExactly(ExecutionStatus.CANCELED);
        assertThat(world.describeJob("fw").concurrent()).isFalse();
    }
}
