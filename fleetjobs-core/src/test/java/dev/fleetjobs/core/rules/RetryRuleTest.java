package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RetryCriterion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryRuleTest {

    /** A chain of executions ending in the given statuses, each a retry of the one before. */
    private static List<JobExecution> chain(ExecutionStatus... statuses) {
        List<JobExecution> executions = new ArrayList<>();
        JobExecution current = JobExecution.queued("job", "thing", 1, 0);
        for (int i = 0; i < statuses.length; i++) {
            if (i > 0) {
                current = JobExecution.retryOf(executions.get(i - 1), i + 1, i);
            }
            executions.add(current.withServiceStatus(statuses[i], false, null, i));
        }
        return executions;
    }

    private static boolean retries(List<RetryCriterion> criteria, ExecutionStatus... statuses) {
        List<JobExecution> history = chain(statuses);
        return RetryRule.shouldRetry(criteria, history.get(history.size() - 1), history);
    }

    @Test
    void failedExecutionsAreRetriedUntilTheRetriesAreExhausted() {
        List<RetryCriterion> two = List.of(new RetryCriterion(FailureType.FAILED, 2));
        assertThat(retries(two, ExecutionStatus.FAILED)).isTrue();
        assertThat(retries(two, ExecutionStatus.FAILED, ExecutionStatus.FAILED)).isTrue();
        assertThat(retries(two, ExecutionStatus.FAILED, ExecutionStatus.FAILED, ExecutionStatus.FAILED)).as("exhausted").isFalse();
        assertThat(retries(List.of(new RetryCriterion(FailureType.FAILED, 0)), ExecutionStatus.FAILED)).isFalse();
    }

    @Test
    void eachFailureTypeHasItsOwnBudget() {
        List<RetryCriterion> criteria = List.of(new RetryCriterion(FailureType.FAILED, 1), new RetryCriterion(FailureType.TIMED_OUT, 1));
        assertThat(retries(criteria, ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT)).isTrue();
        assertThat(retries(criteria, ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.FAILED)).isFalse();
        assertThat(retries(List.of(new RetryCriterion(FailureType.FAILED, 3)), ExecutionStatus.TIMED_OUT))
                .as("no criterion governs TIMED_OUT").isFalse();
    }

    @Test
    void allSharesOneBudgetBetweenFailedAndTimedOut_andASpecificCriterionWins() {
        List<RetryCriterion> all = List.of(new RetryCriterion(FailureType.ALL, 2));
        assertThat(retries(all, ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT)).isTrue();
        assertThat(retries(all, ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT, ExecutionStatus.FAILED)).isFalse();
        List<RetryCriterion> mixed = List.of(new RetryCriterion(FailureType.ALL, 1), new RetryCriterion(FailureType.FAILED, 3));
        assertThat(retries(mixed, ExecutionStatus.FAILED, ExecutionStatus.FAILED, ExecutionStatus.TIMED_OUT))
                .as("FAILED used its own budget; ALL still has one for TIMED_OUT").isTrue();
    }

    @Test
    void rejectedCanceledAndRemovedAreNeverRetried() {
        List<RetryCriterion> all = List.of(new RetryCriterion(FailureType.ALL, 10));
        assertThat(retries(all, ExecutionStatus.REJECTED)).isFalse();
        assertThat(retries(all, ExecutionStatus.CANCELED)).isFalse();
        assertThat(retries(all, ExecutionStatus.REMOVED)).isFalse();
        assertThat(retries(all, ExecutionStatus.SUCCEEDED)).isFalse();
    }

    @Test
    void noThingIsRetriedMoreThanTenTimes() {
        List<RetryCriterion> all = List.of(new RetryCriterion(FailureType.ALL, 10));
        ExecutionStatus[] ten = new ExecutionStatus[10];
        java.util.Arrays.fill(ten, ExecutionStatus.FAILED);
        assertThat(retries(all, ten)).as("the 10th execution failed: the 10th retry is still allowed").isTrue();
        ExecutionStatus[] eleven = new ExecutionStatus[11];
        java.util.Arrays.fill(eleven, ExecutionStatus.FAILED);
        assertThat(retries(all, eleven)).isFalse();
    }

    @Test
    void aNewFirstAttemptStartsANewCount() {
        List<RetryCriterion> one = List.of(new RetryCriterion(FailureType.FAILED, 1));
        List<JobExecution> history = new ArrayList<>(chain(ExecutionStatus.FAILED, ExecutionStatus.FAILED));
        JobExecution retargeted = JobExecution.queued("job", "thing", 3, 10).withServiceStatus(ExecutionStatus.FAILED, false, null, 11);
        history.add(retargeted);
        assertThat(RetryRule.shouldRetry(one, retargeted, history)).isTrue();
    }
}
