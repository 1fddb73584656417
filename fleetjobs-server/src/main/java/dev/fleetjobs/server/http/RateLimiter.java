package dev.fleetjobs.server.http;

/**
 * A token bucket: at most {@code perSecond} requests a second on average, bursts up to one
 * second's worth. Zero means unlimited. Uses the monotonic clock, never the job clock.
 */
public final class RateLimiter {

    private final double perSecond;
    private double tokens;
    private long lastNanos;

    public RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastNanos = System.nanoTime();
    }

    public synchronized boolean tryAcquire() {
        if (perSecond <= 0) {
            return true;
        }
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
