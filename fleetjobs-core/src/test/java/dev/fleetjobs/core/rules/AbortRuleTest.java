package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbortRuleTest {

    private static AbortCriterion criterion(FailureType type, double threshold, int min) {
        return new AbortCriterion(type, AbortCriterion.CANCEL, threshold, min);
    }

    private static JobProgress progress(long failed, long rejected, long timedOut, long succeeded) {
        return new JobProgress(Map.of(ExecutionStatus.FAILED, failed, ExecutionStatus.REJECTED, rejected,
                ExecutionStatus.TIMED_OUT, timedOut, ExecutionStatus.SUCCEEDED, succeeded));
    }

    @Test
    void theThresholdReachedByTheMinimumCountExactlyAborts() {
        List<AbortCriterion> criteria = List.of(criterion(FailureType.FAILED, 50, 4));
        assertThat(AbortRule.evaluate(criteria, progress(2, 0, 0, 1), 3)).as("one thing short of the minimum").isEmpty();
        Optional<AbortDecision> decision = AbortRule.evaluate(criteria, progress(2, 0, 0, 1), 4);
        assertThat(decision).as("minimum reached exactly, 2 of 4 = 50% exactly").isPresent();
        assertThat(decision.get().failures()).isEqualTo(2);
        assertThat(decision.get().executedThings()).isEqualTo(4);
        assertThat(decision.get().reasonCode()).isEqualTo("ABORT_CRITERIA_MET");
        assertThat(decision.get().comment()).contains("2 of 4 executed things (50%) ended FAILED").contains("threshold of 50%");
    }

    @Test
    void justBelowTheThresholdDoesNotAbort() {
        List<AbortCriterion> criteria = List.of(criterion(FailureType.FAILED, 33.34, 3));
        assertThat(AbortRule.evaluate(criteria, progress(1, 0, 0, 0), 3)).as("33.33..% < 33.34%").isEmpty();
        assertThat(AbortRule.evaluate(List.of(criterion(FailureType.FAILED, 33.33, 3)), progress(1, 0, 0, 0), 3)).isPresent();
    }

    @Test
    void eachFailureTypeCountsItsOwnStatusAndAllCountsEveryFailure() {
        JobProgress mixed = progress(1, 1, 1, 7);
        assertThat(AbortRule.evaluate(List.of(criterion(FailureType.REJECTED, 20, 1)), mixed, 10)).isEmpty();
        assertThat(AbortRule.evaluate(List.of(criterion(FailureType.TIMED_OUT, 10, 1)), mixed, 10)).isPresent();
        Optional<AbortDecision> all = AbortRule.evaluate(List.of(criterion(FailureType.ALL, 30, 1)), mixed, 10);
        assertThat(all).isPresent();
        assertThat(all.get().failures()).isEqualTo(3);
    }

    @Test
    void withoutAnyFailureNothingAborts_evenAtAZeroThreshold() {
        assertThat(AbortRule.evaluate(List.of(criterion(FailureType.ALL, 0, 1)), progress(0, 0, 0, 5), 5)).isEmpty();
        assertThat(AbortRule.evaluate(List.of(criterion(FailureType.ALL, 0, 1)), progress(0, 1, 0, 5), 6)).isPresent();
    }

    @Test
    void theFirstCriterionMetIsReported() {
        List<AbortCriterion> criteria = List.of(criterion(FailureType.FAILED, 90, 1), criterion(FailureType.REJECTED, 10, 1));
        assertThat(AbortRule.evaluate(criteria, progress(1, 1, 0, 8), 10)).get()
                .extracting(d -> d.criterion().failureType()).isEqualTo(FailureType.REJECTED);
    }

    @Test
    void failuresToAbortAreTheThresholdOfTheNotifiedRoundedUpAtLeastOne() {
        AbortCriterion criterion = new AbortCriterion(FailureType.FAILED, "CANCEL", 12.5, 10);
        assertThat(AbortRule.failuresToAbort(criterion, 9)).isEmpty();
        assertThat(AbortRule.failuresToAbort(criterion, 10)).hasValue(2);
        assertThat(AbortRule.failuresToAbort(criterion, 16)).hasValue(2);
        assertThat(AbortRule.failuresToAbort(criterion, 17)).hasValue(3);
        assertThat(AbortRule.failuresToAbort(new AbortCriterion(FailureType.ALL, "CANCEL", 0.0, 1), 100)).hasValue(1);
    }
}
