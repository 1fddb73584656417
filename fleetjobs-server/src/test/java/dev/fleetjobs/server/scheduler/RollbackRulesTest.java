package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.RetryCriterion;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.RollbackCommand;
import dev.fleetjobs.server.service.RollbackResult;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A rollback job targets exactly the things whose latest execution of the original has one of the statuses. */
class RollbackRulesTest extends WorldTest {

    private static final String UNDO = "{\"operation\":\"install\",\"version\":\"1.0\"}";

    @BeforeEach
    void anOriginalJobInEveryState() {
        world.things("ok1", "ok2", "failed", "running", "waiting");
        world.job("fw", JobRunConfig.NONE, "ok1", "ok2", "failed", "running", "waiting");
        world.update("ok1", "fw", ExecutionStatus.SUCCEEDED, null);
        world.update("ok2", "fw", ExecutionStatus.SUCCEEDED, null);
        world.update("failed", "fw", ExecutionStatus.FAILED, null);
        world.update("running", "fw", ExecutionStatus.IN_PROGRESS, null);
    }

    private RollbackResult rollback(String newJobId, List<ExecutionStatus> statuses, boolean cancelOriginal, JobRunConfig config) {
        return TimeWorld.join(world.safe.rollback(new RollbackCommand("fw", newJobId, UNDO, "undo fw", statuses, null, config,
                cancelOriginal, null)));
    }

    private List<String> things(String jobId) {
        return world.executionsOf(jobId).stream().map(JobExecution::thingName).sorted().toList();
    }

    @Test
    void byDefaultTheSucceededAndInProgressThingsAfterTheOriginalIsCanceled() {
        RollbackResult result = rollback(null, null, true, JobRunConfig.NONE);
        assertThat(result.job().jobId()).isEqualTo("fw-rollback");
        assertThat(things("fw-rollback")).containsExactly("ok1", "ok2", "running");
        assertThat(result.job().targets()).containsExactly("arn:aws:iot:us-east-1:000000000000:thing/ok1",
                "arn:aws:iot:us-east-1:000000000000:thing/ok2", "arn:aws:iot:us-east-1:000000000000:thing/running");
        assertThat(world.execution("ok1", "fw-rollback").execution().status()).isEqualTo(ExecutionStatus.QUEUED);

        JobDetails original = world.describeJob("fw");
        assertThat(original.job().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(original.job().reasonCode()).isEqualTo("ROLLED_BACK");
        assertThat(world.status("waiting", "fw")).isEqualTo(ExecutionStatus.CANCELED);
        assertThat(world.status("running", "fw")).as("canceled without force").isEqualTo(ExecutionStatus.IN_PROGRESS);
        RollbackLink link = new RollbackLink("fw-rollback", "fw", List.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.IN_PROGRESS), 3, true,
                world.now());
        assertThat(original.safeRollout().rollbacks()).containsExactly(link);
        assertThat(world.describeJob("fw-rollback").safeRollout().rollbackOf()).isEqualTo(link);
    }

    @Test
    void chosenStatusesAnIdOfItsOwnAndItsOwnRollout() {
        RollbackResult result = rollback("undo-failed", List.of(ExecutionStatus.FAILED, ExecutionStatus.QUEUED), false,
                new JobRunConfig(new RolloutConfig(1, null), List.of(), List.of(), null));
        assertThat(result.link().thingCount()).isEqualTo(2);
        assertThat(things("undo-failed")).as("one a minute").hasSize(1);
        world.tick(java.time.Duration.ofMinutes(1));
        assertThat(things("undo-failed")).containsExactly("failed", "waiting");
        assertThat(world.describeJob("fw").job().status()).as("not canceled").isEqualTo(JobStatus.IN_PROGRESS);
    }

    @Test
    void aSecondRollbackGetsTheNextDerivedIdAndAGivenIdMustBeFree() {
        rollback(null, null, false, JobRunConfig.NONE);
        assertThat(rollback(null, null, false, JobRunConfig.NONE).job().jobId()).isEqualTo("fw-rollback-2");
        assertThatThrownBy(() -> rollback("fw-rollback", null, false, JobRunConfig.NONE))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        assertThat(world.describeJob("fw").safeRollout().rollbacks()).extracting(RollbackLink::jobId)
                .containsExactly("fw-rollback", "fw-rollback-2");
    }

    @Test
    void nothingToRollBackCreatesNothingAndCancelsNothing() {
        assertThatThrownBy(() -> rollback(null, List.of(ExecutionStatus.TIMED_OUT), true, JobRunConfig.NONE))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to roll back");
        assertThat(world.describeJob("fw").job().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThatThrownBy(() -> world.describeJob("fw-rollback")).isInstanceOf(dev.fleetjobs.core.error.ResourceNotFoundException.class);
    }

    @Test
    void theLatestExecutionDecidesAfterARetry() {
        world.things("retried");
        world.job("other", new JobRunConfig(null, List.of(), List.of(new RetryCriterion(FailureType.FAILED, 1)), null), "retried");
        world.update("retried", "other", ExecutionStatus.FAILED, null);
        assertThatThrownBy(() -> rollbackOf("other", ExecutionStatus.FAILED)).as("its latest execution is the queued retry")
                .isInstanceOf(InvalidRequestException.class);
        world.update("retried", "other", ExecutionStatus.SUCCEEDED, null);
        rollbackOf("other", ExecutionStatus.SUCCEEDED);
        assertThat(things("other-rollback")).containsExactly("retried");
    }

    private RollbackResult rollbackOf(String jobId, ExecutionStatus status) {
        return TimeWorld.join(world.safe.rollback(new RollbackCommand(jobId, null, UNDO, null, List.of(status), null, JobRunConfig.NONE,
                false, null)));
    }
}
