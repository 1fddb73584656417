package dev.fleetjobs.core.model;

/** One entry of {@code jobExecutionsRetryConfig.criteriaList}: FAILED, TIMED_OUT or ALL, 0 to 10 retries. */
public record RetryCriterion(FailureType failureType, Integer numberOfRetries) {
}
