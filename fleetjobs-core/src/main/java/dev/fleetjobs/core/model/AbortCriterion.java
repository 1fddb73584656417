package dev.fleetjobs.core.model;

/**
 * One entry of {@code abortConfig.criteriaList}.
 *
 * @param action                     always {@code CANCEL} once validated
 * @param thresholdPercentage        0 to 100 with at most two decimals
 * @param minNumberOfExecutedThings  things that must have been notified before the job can abort
 */
public record AbortCriterion(
        FailureType failureType,
        String action,
        Double thresholdPercentage,
        Integer minNumberOfExecutedThings) {

    public static final String CANCEL = "CANCEL";
}
