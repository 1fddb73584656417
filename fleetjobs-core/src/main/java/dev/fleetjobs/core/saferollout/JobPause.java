package dev.fleetjobs.core.saferollout;

import java.util.Objects;

/**
 * A paused job: it releases no more rollout targets and offers none of its QUEUED executions to
 * devices until it is resumed; IN_PROGRESS executions run on. Its AWS status does not change.
 *
 * @param reason  the operator's words or the gate's numbers; null when the operator gave none
 */
public record JobPause(String jobId, long pausedAtMillis, String reason, PauseCause cause) {

    public JobPause {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(cause, "cause");
    }
}
