package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.GateAction;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.server.service.JobDetails;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Canary stages release their things, hold at their gate, and go on, pause or abort by the numbers. */
class CanaryGateRulesTest extends WorldTest {

    private static final String[] THINGS = IntStream.rangeClosed(1, 12).mapToObj(i -> "t" + i).toArray(String[]::new);

    @BeforeEach
    void createThings() {
        world.things(THINGS);
    }

    private static JobRunConfig canary(RolloutConfig rollout, CanaryStage... stages) {
        return new JobRunConfig(rollout, List.of(), List.of(), null, new CanaryConfig(List.of(stages)));
    }

    private static CanaryStage stage(int things, double minSuccess, GateAction onFailure) {
        return new CanaryStage(things, null, null, minSuccess, onFailure);
    }

    private List<String> offeredThings(String jobId) {
        return world.executionsOf(jobId).stream().map(JobExecution::thingName).distinct().toList();
    }

    private void finish(String jobId, ExecutionStatus status, String... things) {
        for (String thing : things) {
            world.update(thing, jobId, status, null);
        }
    }

    @Test
    void twoFailuresOutOfFiveBelowTheThresholdPauseTheJobAndTheRestIsNeverOffered() {
        world.job("fw", canary(null, stage(5, 80, null)), THINGS);
        assertThat(offeredThings("fw")).containsExactly("t1", "t2", "t3", "t4", "t5");
        finish("fw", ExecutionStatus.SUCCEEDED, "t1", "t2");
        finish("fw", ExecutionStatus.FAILED, "t3", "t4");
        assertThat(world.describeJob("fw").safeRollout().decisions()).as("4 of 5 finished: the gate waits").isEmpty();
        finish("fw", ExecutionStatus.SUCCEEDED, "t5");

        JobDetails job = world.describeJob("fw");
        assertThat(job.job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.safeRollout().pause().cause()).isEqualTo(PauseCause.CANARY_GATE);
        assertThat(job.safeRollout().pause().reason()).isEqualTo("Canary stage 1 gate failed: 3 of 5 finished things succeeded (60%), below 80%.");
        GateDecision decision = job.safeRollout().decisions().get(0);
        assertThat(decision).isEqualTo(new GateDecision("fw", 0, world.now(), false, GateAction.PAUSE, 5, 5, 3, 5, 80.0));
        assertThat(job.safeRollout().canary().gateFailed()).isTrue();

        world.tick(Duration.ofDays(1));
        assertThat(offeredThings("fw")).as("the rest is never offered").hasSize(5);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void aPassingGateLetsTheRestOutAtTheRolloutRate() {
        world.job("fw", canary(new RolloutConfig(3, null), stage(2, 100, null)), THINGS);
        assertThat(offeredThings("fw")).as("the stage, within the rate").containsExactly("t1", "t2");
        world.tick(Duration.ofMinutes(5));
        assertThat(offeredThings("fw")).as("held at the gate").hasSize(2);
        finish("fw", ExecutionStatus.SUCCEEDED, "t1", "t2");
        JobDetails job = world.describeJob("fw");
        assertThat(job.safeRollout().decisions()).singleElement().satisfies(d -> {
            assertThat(d.passed()).isTrue();
            assertThat(d.action()).isNull();
            assertThat(d.succeeded()).isEqualTo(2);
        });
        assertThat(offeredThings("fw")).as("the rate's worth at once").hasSize(5);
        world.tick(Duration.ofMinutes(1));
        assertThat(offeredThings("fw")).hasSize(8);
        world.tick(Duration.ofMinutes(2));
        assertThat(offeredThings("fw")).hasSize(12);
    }

    @Test
    void aFailingGateThatAbortsCancelsTheJob() {
        world.job("fw", canary(null, stage(2, 100, GateAction.ABORT)), THINGS);
        finish("fw", ExecutionStatus.SUCCEEDED, "t1");
        finish("fw", ExecutionStatus.REJECTED, "t2");
        JobDetails job = world.describeJob("fw");
        assertThat(job.job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.job().reasonCode()).isEqualTo("CANARY_GATE_FAILED");
        assertThat(job.job().comment()).contains("1 of 2 finished things succeeded (50%)");
        assertThat(job.safeRollout().pause()).isNull();
        assertThat(offeredThings("fw")).hasSize(2);
    }

    @Test
    void stagesInTurnThenAPercentageOfTheJobThenTheRest() {
        world.job("fw", canary(null, stage(2, 50, null), new CanaryStage(null, 25.0, 2, 100.0, null)), THINGS);
        assertThat(offeredThings("fw")).hasSize(2);
        finish("fw", ExecutionStatus.SUCCEEDED, "t1");
        finish("fw", ExecutionStatus.FAILED, "t2");
        assertThat(offeredThings("fw")).as("50% passed: the second stage, 25% of 12").hasSize(5);
        finish("fw", ExecutionStatus.SUCCEEDED, "t3", "t4");
        assertThat(offeredThings("fw")).as("2 of its 3 finished, as its minFinishedThings asks").hasSize(12);
        assertThat(world.describeJob("fw").safeRollout().decisions()).extracting(GateDecision::stage, GateDecision::released,
                GateDecision::finished).containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2L, 2L), org.assertj.core.groups.Tuple.tuple(1, 3L, 2L));
    }

    @Test
    void aRetriedFailureIsNotFinishedUntilItsLastAttempt() {
        world.job("fw", new JobRunConfig(null, List.of(), List.of(new RetryCriterion(FailureType.FAILED, 1)), null,
                new CanaryConfig(List.of(stage(1, 100, null)))), THINGS);
        finish("fw", ExecutionStatus.FAILED, "t1");
        assertThat(world.describeJob("fw").safeRollout().decisions()).as("a retry is queued").isEmpty();
        world.update("t1", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.describeJob("fw").safeRollout().decisions()).singleElement().extracting(GateDecision::passed).isEqualTo(true);
        assertThat(offeredThings("fw")).hasSize(12);
    }

    @Test
    void resumingAJobItsGatePausedGoesOnWithTheNextStage() {
        world.job("fw", canary(null, stage(1, 100, null), stage(2, 100, null)), THINGS);
        finish("fw", ExecutionStatus.FAILED, "t1");
        assertThat(world.describeJob("fw").safeRollout().pause()).isNotNull();
        TimeWorld.join(world.safe.resume("fw"));
        assertThat(offeredThings("fw")).as("the second stage").containsExactly("t1", "t2", "t3");
        finish("fw", ExecutionStatus.SUCCEEDED, "t2", "t3");
        assertThat(offeredThings("fw")).hasSize(12);
    }

    @Test
    void aGateWaitingAcrossARestartDecidesAfterIt() {
        world.job("fw", canary(null, stage(3, 100, null)), THINGS);
        finish("fw", ExecutionStatus.SUCCEEDED, "t1", "t2");
        world = world.restart();
        assertThat(world.describeJob("fw").safeRollout().canary().released()).isEqualTo(3);
        finish("fw", ExecutionStatus.SUCCEEDED, "t3");
        assertThat(offeredThings("fw")).hasSize(12);
    }
}
