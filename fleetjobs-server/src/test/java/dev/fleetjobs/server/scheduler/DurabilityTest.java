package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RolloutConfig;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deadlines and rollout state live in the store: a restarted server picks up where the last one stopped. */
class DurabilityTest extends WorldTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void aTimerThatExpiredWhileTheServerWasDownFiresOnTheFirstRun() {
        world.things("pump");
        world.job("fw", JobRunConfig.NONE, "pump");
        world.startNext("pump", 1L);
        world.moveClock(Duration.ofMinutes(5));
        world = world.restart();
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
        assertThat(world.runDue()).isEqualTo(1);
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void aRolloutResumesAtItsRateWithoutOfferingAnyThingTwice() {
        world.things("t1", "t2", "t3", "t4", "t5", "t6");
        world.job("fw", new JobRunConfig(new RolloutConfig(2, null), List.of(), List.of(), null), "t1", "t2", "t3", "t4", "t5", "t6");
        world = world.restart();
        assertThat(world.runDue()).as("nothing due right after the restart").isZero();
        assertThat(offered()).containsExactly("t1", "t2");

        world.moveClock(Duration.ofMinutes(10));
        world = world.restart();
        world.runDue();
        assertThat(offered()).as("ten minutes down: the next minute's two, not a burst of twenty").containsExactly("t1", "t2", "t3", "t4");
        world.runDue();
        assertThat(offered()).hasSize(4);

        world.tick(MINUTE);
        assertThat(offered()).containsExactly("t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(world.executionsOf("fw")).extracting(JobExecution::executionNumber).containsOnly(1L);
    }

    private List<String> offered() {
        return world.executionsOf("fw").stream().map(JobExecution::thingName).toList();
    }
}
