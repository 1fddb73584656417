package dev.fleetjobs.core.model;

/**
 * {@code jobExecutionsRolloutConfig.exponentialRate}. Members are boxed because they arrive from
 * the wire unchecked; validation makes the required ones present.
 *
 * @param numberOfNotifiedThings   the rate grows each time this many more things were notified, or null
 * @param numberOfSucceededThings  the rate grows each time this many more things succeeded, or null
 */
public record ExponentialRate(
        Integer baseRatePerMinute,
        Double incrementFactor,
        Integer numberOfNotifiedThings,
        Integer numberOfSucceededThings) {
}
