package dev.fleetjobs.core.model;

import java.util.Objects;

/**
 * Where a job's rollout stands; stored so that it resumes after a restart at the right rate and
 * without offering a thing twice.
 *
 * @param notified           things offered the job so far (each got its first execution)
 * @param remaining          targets not offered yet
 * @param windowStartMillis  start of the current one-minute rate window, null before the first release
 * @param releasedInWindow   things offered within the current window
 * @param endApplied         whether the schedule's end behaviour has run
 * @param dueAtMillis        when the job's rules must run next, null when nothing is due
 */
public record RolloutState(
        String jobId,
        long notified,
        long remaining,
        Long windowStartMillis,
        long releasedInWindow,
        boolean endApplied,
        Long dueAtMillis) {

    public RolloutState {
        Objects.requireNonNull(jobId, "jobId");
    }

    public static RolloutState initial(String jobId, long targets) {
        return new RolloutState(jobId, 0, targets, null, 0, false, null);
    }

    public boolean isReleasing() {
        return remaining > 0;
    }

    public RolloutState withDue(Long newDueAtMillis) {
        return new RolloutState(jobId, notified, remaining, windowStartMillis, releasedInWindow, endApplied, newDueAtMillis);
    }

    /** The rollout ends: nothing more will be offered. */
    public RolloutState stopped(boolean end) {
        return new RolloutState(jobId, notified, 0, windowStartMillis, releasedInWindow, endApplied || end, dueAtMillis);
    }
}
