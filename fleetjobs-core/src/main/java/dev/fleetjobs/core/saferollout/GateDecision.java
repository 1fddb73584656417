package dev.fleetjobs.core.saferollout;

import dev.fleetjobs.core.model.GateAction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What a canary gate decided, with the numbers it decided on.
 *
 * @param stage                 the stage's index, 0 for the first
 * @param passed                whether the rollout went on
 * @param action                what the gate did: null when it passed, else the stage's {@link GateAction}
 * @param released              things the stage released
 * @param finished              of them, how many had finished (their latest execution in a terminal status)
 * @param succeeded             of the finished, how many SUCCEEDED
 * @param minFinishedThings     what the gate waited for
 * @param minSuccessPercentage  the threshold it applied
 */
public record GateDecision(String jobId, int stage, long decidedAtMillis, boolean passed, GateAction action, long released,
                           long finished, long succeeded, long minFinishedThings, double minSuccessPercentage) {

    public GateDecision {
        Objects.requireNonNull(jobId, "jobId");
    }

    /** Succeeded out of finished, in percent with two decimals. */
    public BigDecimal successPercentage() {
        return CanaryGate.percentage(succeeded, finished);
    }

    /** A sentence for comments and pause reasons; stages are counted from 1 there, as operators count them. */
    public String describe() {
        String ratio = succeeded + " of " + finished + " finished things succeeded (" + successPercentage().toPlainString() + "%)";
        String threshold = BigDecimal.valueOf(minSuccessPercentage).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        return "Canary stage " + (stage + 1) + " gate " + (passed ? "passed" : "failed") + ": " + ratio
                + (passed ? ", at least " : ", below ") + threshold + "%.";
    }
}
