package dev.fleetjobs.core.saferollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.GateAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryGateTest {

    private static final long NOW = 1_700_000_000_000L;

    @Test
    void aStageIsItsCountOrItsPercentageRoundedUpAtLeastOneAtMostTheLimit() {
        assertThat(CanaryGate.stageSize(new CanaryStage(5, null, null, 90.0, null), 1000)).isEqualTo(5);
        assertThat(CanaryGate.stageSize(new CanaryStage(null, 10.0, null, 90.0, null), 45)).as("4.5 rounds up").isEqualTo(5);
        assertThat(CanaryGate.stageSize(new CanaryStage(null, 0.01, null, 90.0, null), 10)).isEqualTo(1);
        assertThat(CanaryGate.stageSize(new CanaryStage(null, 50.0, null, 90.0, null), 1_000_000)).isEqualTo(10_000);
        assertThat(CanaryGate.needsTotal(new CanaryStage(null, 50.0, null, 90.0, null))).isTrue();
        assertThat(CanaryGate.needsTotal(new CanaryStage(3, null, null, 90.0, null))).isFalse();
    }

    @Test
    void theGateWaitsForTheFinishedThingsItAsksFor() {
        CanaryStage stage = new CanaryStage(5, null, 4, 75.0, null);
        Map<ExecutionStatus, Long> three = Map.of(ExecutionStatus.SUCCEEDED, 3L, ExecutionStatus.IN_PROGRESS, 1L, ExecutionStatus.QUEUED, 1L);
        assertThat(CanaryGate.judge("job", 0, stage, 5, three, NOW)).isEmpty();
        Map<ExecutionStatus, Long> four = Map.of(ExecutionStatus.SUCCEEDED, 3L, ExecutionStatus.FAILED, 1L, ExecutionStatus.QUEUED, 1L);
        assertThat(CanaryGate.judge("job", 0, stage, 5, four, NOW)).contains(new GateDecision("job", 0, NOW, true, null, 5, 4, 3, 4, 75.0));
    }

    @Test
    void theThresholdIsInclusiveAndAFailureTakesTheStagesAction() {
        CanaryStage stage = new CanaryStage(4, null, null, 75.0, GateAction.ABORT);
        GateDecision atThreshold = CanaryGate.judge("job", 1, stage, 4, Map.of(ExecutionStatus.SUCCEEDED, 3L, ExecutionStatus.TIMED_OUT, 1L),
                NOW).orElseThrow();
        assertThat(atThreshold.passed()).isTrue();
        GateDecision below = CanaryGate.judge("job", 1, stage, 4, Map.of(ExecutionStatus.SUCCEEDED, 2L, ExecutionStatus.REJECTED, 1L,
                ExecutionStatus.CANCELED, 1L), NOW).orElseThrow();
        assertThat(below.passed()).isFalse();
        assertThat(below.action()).isEqualTo(GateAction.ABORT);
        assertThat(below.successPercentage()).isEqualByComparingTo("50");
        assertThat(below.describe()).isEqualTo("Canary stage 2 gate failed: 2 of 4 finished things succeeded (50%), below 75%.");
    }

    @Test
    void aStageThatReleasedFewerThingsWaitsForThoseOnlyAndOneThatReleasedNoneNeverDecides() {
        CanaryStage stage = new CanaryStage(10, null, 8, 100.0, null);
        assertThat(CanaryGate.judge("job", 0, stage, 2, Map.of(ExecutionStatus.SUCCEEDED, 2L), NOW)).get()
                .extracting(GateDecision::minFinishedThings, GateDecision::passed).containsExactly(2L, true);
        assertThat(CanaryGate.judge("job", 0, stage, 0, Map.of(), NOW)).isEmpty();
        assertThat(new CanaryStage(1, null, null, 0.0, null).effectiveOnFailure()).isEqualTo(GateAction.PAUSE);
    }
}
