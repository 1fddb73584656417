package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.JobExecution;

/** The timer maths of spec 2.7: in-progress and step deadlines, expiry, time left. */
public final class Timeouts {

    private static final long MINUTE_MILLIS = 60_000L;

    private Timeouts() {
    }

    public static long deadline(long fromMillis, long minutes) {
        return fromMillis + minutes * MINUTE_MILLIS;
    }

    /** The earlier of two optional deadlines, or null when neither is set. */
    public static Long earlier(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.min(a, b);
    }

    /** Whether the service must time the execution out at {@code nowMillis}: its deadline is now or past. */
    public static boolean isExpired(JobExecution execution, long nowMillis) {
        Long deadline = execution.timeoutDeadlineMillis();
        return deadline != null && deadline <= nowMillis;
    }

    /**
     * {@code approximateSecondsBeforeTimedOut}: whole seconds until the deadline, never negative;
     * null when no timer runs.
     */
    public static Long secondsBeforeTimedOut(JobExecution execution, long nowMillis) {
        Long deadline = execution.timeoutDeadlineMillis();
        return deadline == null ? null : Math.max(0L, Math.floorDiv(deadline - nowMillis, 1000L));
    }
}
