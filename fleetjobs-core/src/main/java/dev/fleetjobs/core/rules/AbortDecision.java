package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.AbortCriterion;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An abort criterion that was met, and the reason code and comment the canceled job carries.
 * AWS fills them automatically (spec 2.9); their exact text is not documented, so these are our
 * own, stable wording.
 */
public record AbortDecision(AbortCriterion criterion, long failures, long executedThings) {

    public static final String REASON_CODE = "ABORT_CRITERIA_MET";

    public String reasonCode() {
        return REASON_CODE;
    }

    public String comment() {
        BigDecimal percent = BigDecimal.valueOf(failures * 100).divide(BigDecimal.valueOf(executedThings), 2, RoundingMode.HALF_UP);
        return "Job canceled by its abortConfig: " + failures + " of " + executedThings + " executed things ("
                + percent.stripTrailingZeros().toPlainString() + "%) ended " + criterion.failureType()
                + ", reaching the threshold of " + BigDecimal.valueOf(criterion.thresholdPercentage()).stripTrailingZeros().toPlainString()
                + "% (minNumberOfExecutedThings " + criterion.minNumberOfExecutedThings() + ").";
    }
}
