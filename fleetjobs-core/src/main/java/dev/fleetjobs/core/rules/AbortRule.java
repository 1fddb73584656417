package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.ExecutionStatus;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When a job's {@code abortConfig} cancels it. "Executed things" are the things notified of the
 * job (the model: "things which must receive job execution notifications before the job can be
 * aborted"); a criterion is met once at least {@code minNumberOfExecutedThings} things were
 * notified and the executions that ended in its failure type are at least
 * {@code thresholdPercentage} percent of them, with at least one such failure. Both bounds are
 * inclusive: reaching the minimum count or the threshold exactly is enough.
 */
public final class AbortRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AbortRule() {
    }

    /** The first criterion, in the order given, that is met. */
    public static Optional<AbortDecision> evaluate(List<AbortCriterion> criteria, JobProgress progress, long executedThings) {
        for (AbortCriterion criterion : criteria) {
            long failures = failures(criterion, progress);
            if (executedThings >= criterion.minNumberOfExecutedThings() && failures > 0
                    && BigDecimal.valueOf(failures).multiply(HUNDRED)
                            .compareTo(BigDecimal.valueOf(criterion.thresholdPercentage()).multiply(BigDecimal.valueOf(executedThings))) >= 0) {
                return Optional.of(new AbortDecision(criterion, failures, executedThings));
            }
        }
        return Optional.empty();
    }

    /**
     * The fewest failures of the criterion's type that abort the job once {@code executedThings}
     * things were notified, or empty when that many notified things are too few for it to apply.
     */
    public static OptionalLong failuresToAbort(AbortCriterion criterion, long executedThings) {
        if (executedThings < criterion.minNumberOfExecutedThings()) {
            return OptionalLong.empty();
        }
        BigDecimal exact = BigDecimal.valueOf(criterion.thresholdPercentage()).multiply(BigDecimal.valueOf(executedThings))
                .divide(HUNDRED, 0, java.math.RoundingMode.CEILING);
        return OptionalLong.of(Math.max(1, exact.longValue()));
    }

    private static long failures(AbortCriterion criterion, JobProgress progress) {
        long total = 0;
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (criterion.failureType().matches(status)) {
                total += progress.count(status);
            }
        }
        return total;
    }
}
