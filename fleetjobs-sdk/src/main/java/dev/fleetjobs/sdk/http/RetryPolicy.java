package dev.fleetjobs.sdk.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a call is sent again after a retryable failure (throttling, a 5xx
 * answer, an I/O error; never another 4xx). The wait before attempt {@code n + 1} is drawn from
 * the upper half of {@code min(maxDelay, baseDelay * 2^(n-1))}: it grows exponentially, and the
 * jitter keeps many clients from retrying in step.
 *
 * @param maxAttempts attempts in all, the first included; 1 means no retries
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(20));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public static RetryPolicy of(int maxAttempts, Duration baseDelay, Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, maxDelay);
    }

    /** The wait after the {@code failedAttempts}-th failed attempt (1 for the first). */
    public Duration delayAfter(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts starts at 1");
        }
        long cap = ceiling(failedAttempts).toNanos();
        long half = cap / 2;
        return Duration.ofNanos(half + (cap - half == 0 ? 0 : random.nextLong(cap - half + 1)));
    }

    /** The largest wait after {@code failedAttempts} failures: {@code min(maxDelay, baseDelay * 2^(failedAttempts-1))}. */
    public Duration ceiling(int failedAttempts) {
        int shift = Math.min(failedAttempts - 1, 30);
        long nanos = baseDelay.toNanos();
        return nanos > maxDelay.toNanos() >> shift ? maxDelay : Duration.ofNanos(nanos << shift);
    }
}
