package dev.fleetjobs.core.model;

/**
 * {@code jobExecutionsRolloutConfig}: how many things are offered the job per minute.
 *
 * @param maximumPerMinute  a constant rate, and the cap of an exponential one; null for the default
 * @param exponentialRate   a rate that grows as things are notified or succeed, or null
 */
public record RolloutConfig(Integer maximumPerMinute, ExponentialRate exponentialRate) {
}
