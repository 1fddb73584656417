package dev.fleetjobs.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * One execution of one job on one thing. Immutable: every change returns a new value whose
 * {@code versionNumber} is one higher.
 *
 * @param executionNumber      1 for the first execution of a job on a thing
 * @param statusDetails        never null; empty when the device has reported none
 * @param startedAtMillis      null until the execution first becomes IN_PROGRESS
 * @param stepTimeoutMinutes   the last step timeout a device set, or null
 * @param stepDeadlineMillis   when the current step timer expires, or null when none runs
 */
public record JobExecution(
        String jobId,
        String thingName,
        long executionNumber,
        ExecutionStatus status,
        Map<String, String> statusDetails,
        long queuedAtMillis,
        Long startedAtMillis,
        long lastUpdatedAtMillis,
        long versionNumber,
        Long stepTimeoutMinutes,
        Long stepDeadlineMillis,
        boolean forceCanceled,
        int retryAttempt) {

    public JobExecution {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(status, "status");
        statusDetails = Map.copyOf(statusDetails);
    }

    /** A fresh QUEUED execution as rollout creates it. */
    public static JobExecution queued(String jobId, String thingName, long executionNumber, long nowMillis) {
        return new JobExecution(jobId, thingName, executionNumber, ExecutionStatus.QUEUED, Map.of(),
                nowMillis, null, nowMillis, 1, null, null, false, 0);
    }

    /**
     * The execution after a device-requested change that the rules already allowed.
     *
     * @param newDetails  replaces the stored map when not null (replace, not merge: spec 2.2, UNCONFIRMED 7)
     * @param stepTimer   what happens to the step timer
     */
    public JobExecution withDeviceUpdate(ExecutionStatus newStatus, Map<String, String> newDetails, StepTimerChange stepTimer,
                                         long nowMillis) {
        Long started = startedAtMillis;
        if (started == null && newStatus == ExecutionStatus.IN_PROGRESS) {
            started = nowMillis;
        }
        Long minutes = stepTimeoutMinutes;
        Long deadline = stepDeadlineMillis;
        if (newStatus.isTerminal()) {
            deadline = null;
        } else if (stepTimer.isClear()) {
            minutes = null;
            deadline = null;
        } else if (stepTimer.isSet()) {
            minutes = stepTimer.minutes();
            deadline = nowMillis + stepTimer.minutes() * 60_000L;
        }
        return new JobExecution(jobId, thingName, executionNumber, newStatus,
                newDetails == null ? statusDetails : newDetails, queuedAtMillis, started, nowMillis, versionNumber + 1,
                minutes, deadline, forceCanceled, retryAttempt);
    }

    /** The execution after the service itself set a terminal status (cancel, removal). */
    public JobExecution withServiceStatus(ExecutionStatus newStatus, boolean force, Map<String, String> newDetails, long nowMillis) {
        return new JobExecution(jobId, thingName, executionNumber, newStatus,
                newDetails == null ? statusDetails : newDetails, queuedAtMillis, startedAtMillis, nowMillis,
                versionNumber + 1, stepTimeoutMinutes, newStatus.isTerminal() ? null : stepDeadlineMillis,
                forceCanceled || force, retryAttempt);
    }
}
