package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.server.service.JobDetails;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paused job offers devices none of its queued executions and releases nothing; resuming brings them back. */
class PauseRulesTest extends WorldTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @BeforeEach
    void createThings() {
        world.things("t1", "t2", "t3", "t4", "t5", "t6");
    }

    private JobDetails pause(String jobId, String reason) {
        return TimeWorld.join(world.safe.pause(jobId, reason));
    }

    private JobDetails resume(String jobId) {
        return TimeWorld.join(world.safe.resume(jobId));
    }

    private List<String> queued(String thing) {
        return world.pending(thing).queued().stream().map(JobExecution::jobId).toList();
    }

    private List<String> offeredThings(String jobId) {
        return world.executionsOf(jobId).stream().map(JobExecution::thingName).toList();
    }

    @Test
    void queuedExecutionsAreHiddenFromDevicesWhileInProgressOnesRunOnAndResumeRestoresTheOrder() {
        world.job("first", JobRunConfig.NONE, "t1", "t2");
        world.moveClock(Duration.ofSeconds(5));
        world.job("second", JobRunConfig.NONE, "t1");
        world.moveClock(Duration.ofSeconds(5));
        world.job("third", JobRunConfig.NONE, "t1");
        world.startNext("t2", null);
        assertThat(queued("t1")).containsExactly("first", "second", "third");

        JobDetails paused = pause("first", "bad batch");
        assertThat(paused.job().status()).as("the AWS status is untouched").isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(paused.safeRollout().pause()).isEqualTo(new JobPause("first", world.now(), "bad batch", PauseCause.OPERATOR));
        assertThat(queued("t1")).containsExactly("second", "third");
        assertThat(world.next("t1")).get().extracting(view -> view.execution().jobId()).isEqualTo("second");
        assertThat(world.startNext("t1", null)).get().extracting(view -> view.execution().jobId()).isEqualTo("second");
        assertThat(world.pending("t2").inProgress()).as("in progress runs on").extracting(JobExecution::jobId).containsExactly("first");
        world.update("t2", "first", ExecutionStatus.SUCCEEDED, null);

        resume("first");
        assertThat(world.pending("t1").inProgress()).extracting(JobExecution::jobId).containsExactly("second");
        assertThat(queued("t1")).as("back in the order they had").containsExactly("first", "third");
        assertThat(world.describeJob("first").safeRollout().pause()).isNull();
    }

    @Test
    void aPausedRolloutReleasesNothingAndResumesAtItsRateWithoutABurst() {
        world.job("fw", JobRunConfig.NONE.withDefaultsFrom(new JobRunConfig(new RolloutConfig(2, null), List.of(), List.of(), null)),
                "t1", "t2", "t3", "t4", "t5", "t6");
        assertThat(offeredThings("fw")).containsExactly("t1", "t2");
        pause("fw", null);
        world.tick(MINUTE.multipliedBy(5));
        assertThat(offeredThings("fw")).as("nothing released while paused").containsExactly("t1", "t2");
        assertThat(world.scheduler.nextDueMillis()).as("no release is due while paused").isEqualTo(OptionalLong.empty());

        resume("fw");
        assertThat(offeredThings("fw")).as("one minute's worth, not the five minutes missed").containsExactly("t1", "t2", "t3", "t4");
        world.tick(MINUTE.minusSeconds(1));
        assertThat(offeredThings("fw")).hasSize(4);
        world.tick(Duration.ofSeconds(1));
        assertThat(offeredThings("fw")).containsExactly("t1", "t2", "t3", "t4", "t5", "t6");
    }

    @Test
    void aRetryQueuedWhileThePauseLastsIsHiddenToo() {
        world.job("fw", new JobRunConfig(null, List.of(), List.of(new RetryCriterion(FailureType.FAILED, 1)), null), "t1");
        world.startNext("t1", null);
        pause("fw", "looking into it");
        world.update("t1", "fw", ExecutionStatus.FAILED, null);
        assertThat(world.executionsOf("fw")).extracting(JobExecution::status).containsExactly(ExecutionStatus.FAILED, ExecutionStatus.QUEUED);
        assertThat(queued("t1")).isEmpty();
        resume("fw");
        assertThat(queued("t1")).containsExactly("fw");
    }

    @Test
    void thePauseSurvivesARestart() {
        world.job("fw", JobRunConfig.NONE, "t1");
        pause("fw", "hold");
        world = world.restart();
        assertThat(queued("t1")).isEmpty();
        assertThat(world.describeJob("fw").safeRollout().pause().reason()).isEqualTo("hold");
        resume("fw");
        assertThat(queued("t1")).containsExactly("fw");
    }

    @Test
    void pausingTwiceKeepsTheFirstPauseAndOnlyRunningJobsMayBePausedOrResumed() {
        world.job("fw", JobRunConfig.NONE, "t1");
        pause("fw", "first");
        world.moveClock(MINUTE);
        assertThat(pause("fw", "second").safeRollout().pause().reason()).isEqualTo("first");
        resume("fw");
        assertThatThrownBy(() -> resume("fw")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("is not paused");

        world.update("t1", "fw", ExecutionStatus.SUCCEEDED, null);
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThatThrownBy(() -> pause("fw", null)).isInstanceOf(InvalidRequestException.class).hasMessageContaining("COMPLETED");
    }

    @Test
    void aCanceledJobIsPausedNoMore() {
        world.job("fw", JobRunConfig.NONE, "t1");
        pause("fw", null);
        TimeWorld.join(world.lifecycle.cancel("fw", false, null, null));
        JobDetails canceled = world.describeJob("fw");
        assertThat(canceled.job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(canceled.safeRollout().pause()).isNull();
    }

    @Test
    void thingsAPausedJobReachesWaitForTheResumeEvenWithoutARate() {
        TimeWorld.join(world.groups.create("line", null, null, null, null));
        TimeWorld.join(world.groups.addThing("line", "t5"));
        TimeWorld.join(world.groups.addThing("line", "t6"));
        TimeWorld.join(world.jobs.create(new dev.fleetjobs.server.service.CreateJobCommand("fw",
                List.of("arn:aws:iot:us-east-1:000000000000:thing/t1"), "{}", null, dev.fleetjobs.core.model.TargetSelection.CONTINUOUS, null)));
        pause("fw", null);
        TimeWorld.join(world.lifecycle.associateTargets("fw", List.of("arn:aws:iot:us-east-1:000000000000:thinggroup/line"), null));
        assertThat(offeredThings("fw")).as("the group's things wait").containsExactly("t1");
        assertThat(world.describeJob("fw").concurrent()).isTrue();
        resume("fw");
        assertThat(offeredThings("fw")).containsExactly("t1", "t5", "t6");
        assertThat(queued("t5")).containsExactly("fw");
    }
}
