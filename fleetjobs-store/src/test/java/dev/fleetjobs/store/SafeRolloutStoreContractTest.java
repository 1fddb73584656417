package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.GateAction;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of the store for safe rollouts: pauses, canary progress and decisions, rollback links, and the reads they need. */
public abstract class SafeRolloutStoreContractTest extends StoreContractSupport {

    private static JobExecution execution(String jobId, String thing, long number, ExecutionStatus status) {
        return new JobExecution(jobId, thing, number, status, Map.of(), number * 10, null, number * 10, 1, null, null, false, (int) number - 1);
    }

    @Test
    void aPauseIsKeptApartFromTheJobsOtherColumnsAndHidesItsQueuedExecutionsOnly() {
        insertJobs("paused", "other");
        write((StoreTransaction tx) -> {
            tx.insertExecutions(List.of(execution("paused", "pump", 1, ExecutionStatus.QUEUED), execution("other", "pump", 1, ExecutionStatus.QUEUED),
                    execution("paused", "tank", 1, ExecutionStatus.IN_PROGRESS)));
            tx.setJobPause("paused", new JobPause("paused", 50L, "hold", PauseCause.OPERATOR));
            tx.updateJob(job("paused").withStatus(dev.fleetjobs.core.model.JobStatus.IN_PROGRESS, 60L));
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJobPause("paused"))).contains(new JobPause("paused", 50L, "hold", PauseCause.OPERATOR));
        assertThat(read((StoreReader r) -> r.findJobPause("other"))).isEmpty();
        assertThat(read((StoreReader r) -> r.offeredExecutions("pump", 10))).extracting(o -> o.execution().jobId()).containsExactly("other");
        assertThat(read((StoreReader r) -> r.offeredExecutions("tank", 10))).extracting(o -> o.execution().jobId()).containsExactly("paused");
        assertThat(read((StoreReader r) -> r.pendingExecutions("pump", 10))).as("still pending, only not offered").hasSize(2);

        write((StoreTransaction tx) -> {
            tx.setJobPause("paused", null);
            return null;
        });
        assertThat(read((StoreReader r) -> r.findJobPause("paused"))).isEmpty();
        assertThat(read((StoreReader r) -> r.offeredExecutions("pump", 10))).extracting(o -> o.execution().jobId()).containsExactly("paused", "other");
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.setJobPause("nobody", new JobPause("nobody", 1L, null, PauseCause.CANARY_GATE));
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void canaryProgressIsReplacedAndAStageCountsTheLatestExecutionOfEachOfItsThings() {
        insertJobs("fw");
        write((StoreTransaction tx) -> {
            tx.putCanaryProgress(new CanaryProgress("fw", 0, null, 0, false));
            tx.putCanaryProgress(new CanaryProgress("fw", 0, 3, 3, false));
            tx.addCanaryStageThings("fw", 0, List.of("a", "b", "c"));
            tx.addCanaryStageThings("fw", 1, List.of("d"));
            tx.insertExecutions(List.of(execution("fw", "a", 1, ExecutionStatus.FAILED), execution("fw", "a", 2, ExecutionStatus.SUCCEEDED),
                    execution("fw", "b", 1, ExecutionStatus.FAILED), execution("fw", "b", 2, ExecutionStatus.QUEUED),
                    execution("fw", "c", 1, ExecutionStatus.SUCCEEDED), execution("fw", "d", 1, ExecutionStatus.FAILED)));
            return null;
        });
        assertThat(read((StoreReader r) -> r.findCanaryProgress("fw"))).contains(new CanaryProgress("fw", 0, 3, 3, false));
        assertThat(read((StoreReader r) -> r.canaryStageStatuses("fw", 0)))
                .isEqualTo(Map.of(ExecutionStatus.SUCCEEDED, 2L, ExecutionStatus.QUEUED, 1L));
        assertThat(read((StoreReader r) -> r.isCanaryStageThing("fw", 0, "c"))).isTrue();
        assertThat(read((StoreReader r) -> r.isCanaryStageThing("fw", 0, "d"))).isFalse();
        assertThat(read((StoreReader r) -> r.findCanaryProgress("other"))).isEmpty();
    }

    @Test
    void aGateDecidesOnceAndDecisionsComeInStageOrder() {
        insertJobs("fw");
        GateDecision second = new GateDecision("fw", 1, 20L, false, GateAction.ABORT, 4, 4, 1, 4, 99.5);
        GateDecision first = new GateDecision("fw", 0, 10L, true, null, 2, 2, 2, 2, 100.0);
        write((StoreTransaction tx) -> {
            tx.insertGateDecision(second);
            tx.insertGateDecision(first);
            return null;
        });
        assertThat(read((StoreReader r) -> r.gateDecisions("fw"))).containsExactly(first, second);
        assertThat(writeFailure((StoreTransaction tx) -> {
            tx.insertGateDecision(first);
            return null;
        })).isInstanceOf(StoreConflictException.class);
    }

    @Test
    void rollbackLinksAreFoundFromEitherJobAndGoWithTheRollbackJob() {
        insertJobs("fw", "fw-rollback", "fw-rollback-2");
        RollbackLink one = new RollbackLink("fw-rollback", "fw", List.of(ExecutionStatus.SUCCEEDED), 3, true, 10L);
        RollbackLink two = new RollbackLink("fw-rollback-2", "fw", List.of(ExecutionStatus.FAILED, ExecutionStatus.IN_PROGRESS), 1, false, 20L);
        write((StoreTransaction tx) -> {
            tx.insertRollbackLink(two);
            tx.insertRollbackLink(one);
            tx.putCanaryProgress(CanaryProgress.start("fw-rollback"));
            tx.addCanaryStageThings("fw-rollback", 0, List.of("a"));
            tx.insertGateDecision(new GateDecision("fw-rollback", 0, 1L, true, null, 1, 1, 1, 1, 50.0));
            return null;
        });
        assertThat(read((StoreReader r) -> r.findRollbackLink("fw-rollback"))).contains(one);
        assertThat(read((StoreReader r) -> r.findRollbackLink("fw"))).isEmpty();
        assertThat(read((StoreReader r) -> r.rollbacksOf("fw"))).containsExactly(one, two);
        write((StoreTransaction tx) -> tx.deleteJob("fw-rollback"));
        assertThat(read((StoreReader r) -> r.rollbacksOf("fw"))).containsExactly(two);
        assertThat(read((StoreReader r) -> r.findCanaryProgress("fw-rollback"))).isEmpty();
        assertThat(read((StoreReader r) -> r.gateDecisions("fw-rollback"))).isEmpty();
        assertThat(read((StoreReader r) -> r.isCanaryStageThing("fw-rollback", 0, "a"))).isFalse();
    }

    @Test
    void thingsAreChosenByTheStatusOfTheirLatestExecutionPageByPage() {
        insertJobs("fw");
        write((StoreTransaction tx) -> {
            tx.insertExecutions(List.of(execution("fw", "a", 1, ExecutionStatus.SUCCEEDED), execution("fw", "b", 1, ExecutionStatus.FAILED),
                    execution("fw", "b", 2, ExecutionStatus.SUCCEEDED), execution("fw", "c", 1, ExecutionStatus.SUCCEEDED),
                    execution("fw", "c", 2, ExecutionStatus.FAILED), execution("fw", "d", 1, ExecutionStatus.IN_PROGRESS)));
            return null;
        });
        List<ExecutionStatus> statuses = List.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.IN_PROGRESS);
        Page<String> first = read((StoreReader r) -> r.thingsWithLatestStatus("fw", statuses, null, 2));
        assertThat(first.items()).containsExactly("a", "b");
        assertThat(read((StoreReader r) -> r.thingsWithLatestStatus("fw", statuses, first.nextCursor(), 2)).items()).containsExactly("d");
        assertThat(read((StoreReader r) -> r.thingsWithLatestStatus("fw", List.of(ExecutionStatus.FAILED), null, 10)).items()).containsExactly("c");
    }

    @Test
    void targetsReachEachExistingThingOnceThroughNestedGroups() {
        write((StoreTransaction tx) -> {
            for (String name : List.of("a", "b", "c", "d", "e")) {
                tx.insertThing(thing(name));
            }
            tx.insertThingGroup(new ThingGroup("top", "id-top", List.of(), null, Map.of(), 1, 1L));
            tx.insertThingGroup(new ThingGroup("mid", "id-mid", List.of("top"), null, Map.of(), 1, 1L));
            tx.insertThingGroup(new ThingGroup("low", "id-low", List.of("top", "mid"), null, Map.of(), 1, 1L));
            tx.addThingToGroup("top", "a");
            tx.addThingToGroup("mid", "b");
            tx.addThingToGroup("low", "c");
            tx.insertJob(job("fw"));
            tx.insertExecutions(List.of(execution("fw", "b", 1, ExecutionStatus.QUEUED), execution("fw", "a", 1, ExecutionStatus.SUCCEEDED)));
            return null;
        });
        long cut = read(StoreReader::lastMembershipSeq);
        write((StoreTransaction tx) -> tx.addThingToGroup("low", "d"));
        TargetReach reach = read((StoreReader r) -> r.targetReach(List.of("c", "e", "ghost"), List.of("top", "low"), cut, "fw", 5));
        assertThat(reach).isEqualTo(new TargetReach(4, 1, List.of("b")));
        assertThat(read((StoreReader r) -> r.targetReach(List.of(), List.of("mid"), Long.MAX_VALUE, "fw", 0)))
                .isEqualTo(new TargetReach(3, 1, List.of()));
        assertThat(read((StoreReader r) -> r.targetReach(List.of(), List.of(), cut, "fw", 5))).isEqualTo(new TargetReach(0, 0, List.of()));
    }
}
