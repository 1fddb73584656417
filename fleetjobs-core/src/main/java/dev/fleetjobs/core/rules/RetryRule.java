package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.RetryCriterion;
import java.util.List;
import java.util.Optional;

/**
 * Whether a failed execution is retried (spec 2.8). Only FAILED and TIMED_OUT are ever retried,
 * never REJECTED, CANCELED or REMOVED. A failure is governed by the criterion naming its type,
 * else by an {@code ALL} criterion; each criterion allows its {@code numberOfRetries} over the
 * failures it governs, and no thing gets more than {@value #MAX_RETRIES} retries in all. Retries
 * are counted within one chain: the executions since the thing's last first attempt
 * ({@code retryAttempt} 0), so a thing targeted again starts from zero.
 */
public final class RetryRule {

    public static final int MAX_RETRIES = 10;

    private RetryRule() {
    }

    /**
     * @param failed   the execution that just ended
     * @param history  the job's executions on the same thing, in execution-number order; may include {@code failed}
     */
    public static boolean shouldRetry(List<RetryCriterion> criteria, JobExecution failed, List<JobExecution> history) {
        if (failed.retryAttempt() >= MAX_RETRIES) {
            return false;
        }
        Optional<RetryCriterion> governing = governing(criteria, failed.status());
        if (governing.isEmpty()) {
            return false;
        }
        long used = 0;
        for (JobExecution earlier : history) {
            if (earlier.executionNumber() > failed.executionNumber()) {
                continue;
            }
            if (earlier.retryAttempt() == 0) {
                used = 0;
            }
            if (earlier.executionNumber() < failed.executionNumber() && governing(criteria, earlier.status()).equals(governing)) {
                used++;
            }
        }
        return used < governing.get().numberOfRetries();
    }

    private static Optional<RetryCriterion> governing(List<RetryCriterion> criteria, ExecutionStatus status) {
        if (status != ExecutionStatus.FAILED && status != ExecutionStatus.TIMED_OUT) {
            return Optional.empty();
        }
        Optional<RetryCriterion> specific = criteria.stream().filter(c -> c.failureType() != FailureType.ALL && c.failureType().matches(status))
                .findFirst();
        return specific.isPresent() ? specific : criteria.stream().filter(c -> c.failureType() == FailureType.ALL).findFirst();
    }
}
