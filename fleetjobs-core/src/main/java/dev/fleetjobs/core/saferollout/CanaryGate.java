package dev.fleetjobs.core.saferollout;

import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.validation.CanaryConfigValidator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * The rules of canary stages. A stage's size is fixed when it starts: its {@code thingCount}, or
 * its {@code thingPercentage} of the job's things, rounded up. Its gate decides once the stage
 * released all it will and at least {@code minFinishedThings} of those things finished (their
 * latest execution is terminal; a failure that is retried is not finished yet): it passes when
 * succeeded things are at least {@code minSuccessPercentage} percent of the finished ones. A stage
 * that could release fewer things than its size (the job had no more) waits for at most that many.
 */
public final class CanaryGate {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private CanaryGate() {
    }

    /**
     * The things a stage releases, given how many things the job reaches in all: a percentage is
     * rounded up, at least one and at most {@value CanaryConfigValidator#MAX_STAGE_THINGS}.
     */
    public static int stageSize(CanaryStage stage, long jobThings) {
        if (stage.thingCount() != null) {
            return stage.thingCount();
        }
        BigDecimal exact = BigDecimal.valueOf(stage.thingPercentage()).multiply(BigDecimal.valueOf(jobThings))
                .divide(HUNDRED, 0, RoundingMode.CEILING);
        return (int) Math.max(1, Math.min(CanaryConfigValidator.MAX_STAGE_THINGS, exact.longValue()));
    }

    /** Whether a stage needs the job's total number of things before it can start (a percentage stage). */
    public static boolean needsTotal(CanaryStage stage) {
        return stage.thingCount() == null;
    }

    /**
     * The gate's decision, or empty while it waits.
     *
     * @param released        things the stage released; the gate waits for no more than these
     * @param latestStatuses  the stage's things by the status of their latest execution
     */
    public static Optional<GateDecision> judge(String jobId, int stageIndex, CanaryStage stage, long released,
                                               Map<ExecutionStatus, Long> latestStatuses, long nowMillis) {
        if (released == 0) {
            return Optional.empty();
        }
        long finished = 0;
        for (Map.Entry<ExecutionStatus, Long> entry : latestStatuses.entrySet()) {
            if (entry.getKey().isTerminal()) {
                finished += entry.getValue();
            }
        }
        long wanted = Math.min(released, stage.minFinishedThings() == null ? released : stage.minFinishedThings());
        if (finished < wanted || finished == 0) {
            return Optional.empty();
        }
        long succeeded = latestStatuses.getOrDefault(ExecutionStatus.SUCCEEDED, 0L);
        boolean passed = BigDecimal.valueOf(succeeded).multiply(HUNDRED)
                .compareTo(BigDecimal.valueOf(stage.minSuccessPercentage()).multiply(BigDecimal.valueOf(finished))) >= 0;
        return Optional.of(new GateDecision(jobId, stageIndex, nowMillis, passed, passed ? null : stage.effectiveOnFailure(), released,
                finished, succeeded, wanted, stage.minSuccessPercentage()));
    }

    /** {@code part} of {@code whole} in percent with two decimals; 0 when {@code whole} is 0. */
    public static BigDecimal percentage(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).stripTrailingZeros();
    }
}
