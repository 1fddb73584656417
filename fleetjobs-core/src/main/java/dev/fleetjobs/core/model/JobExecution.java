package dev.fleetjobs.core.model;

import dev.fleetjobs.core.rules.Timeouts;
import java.util.Map;
import java.util.Objects;

/**
 * One execution of one job on one thing. Immutable: every change returns a new value whose
 * {@code versionNumber} is one higher.
 *
 * @param executionNumber           1 for the first execution of a job on a thing; a retry gets the next number
 * @param statusDetails             never null; empty when the device has reported none
 * @param startedAtMillis           null until the execution first becomes IN_PROGRESS
 * @param stepTimeoutMinutes        the last step timeout a device set, or null
 * @param stepDeadlineMillis        when the current step timer expires, or null when none runs
 * @param retryAttempt              0 for a first execution, n for the n-th retry
 * @param inProgressDeadlineMillis  when the job's in-progress timer expires, fixed when the execution starts; or null
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
        int retryAttempt,
        Long inProgressDeadlineMillis) {

    public JobExecution {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(status, "status");
        statusDetails = Map.copyOf(statusDetails);
    }

    /** An execution without an in-progress timer. */
    public JobExecution(String jobId, String thingName, long executionNumber, ExecutionStatus status, Map<String, String> statusDetails,
                        long queuedAtMillis, Long startedAtMillis, long lastUpdatedAtMillis, long versionNumber,
                        Long stepTimeoutMinutes, Long stepDeadlineMillis, boolean forceCanceled, int retryAttempt) {
        this(jobId, thingName, executionNumber, status, statusDetails, queuedAtMillis, startedAtMillis, lastUpdatedAtMillis,
                versionNumber, stepTimeoutMinutes, stepDeadlineMillis, forceCanceled, retryAttempt, null);
    }

    /** A fresh QUEUED execution as rollout creates it. */
    public static JobExecution queued(String jobId, String thingName, long executionNumber, long nowMillis) {
        return new JobExecution(jobId, thingName, executionNumber, ExecutionStatus.QUEUED, Map.of(),
                nowMillis, null, nowMillis, 1, null, null, false, 0, null);
    }

    /** The QUEUED execution that retries {@code failed} under the next execution number (spec 2.8). */
    public static JobExecution retryOf(JobExecution failed, long executionNumber, long nowMillis) {
        return new JobExecution(failed.jobId(), failed.thingName(), executionNumber, ExecutionStatus.QUEUED, Map.of(),
                nowMillis, null, nowMillis, 1, null, null, false, failed.retryAttempt() + 1, null);
    }

    /**
     * The execution after a device-requested change that the rules already allowed.
     *
     * @param newDetails                replaces the stored map when not null (replace, not merge: spec 2.2, UNCONFIRMED 7)
     * @param stepTimer                 what happens to the step timer
     * @param inProgressTimeoutMinutes  the job's in-progress timeout, which starts when the execution first becomes IN_PROGRESS; or null
     */
    public JobExecution withDeviceUpdate(ExecutionStatus newStatus, Map<String, String> newDetails, StepTimerChange stepTimer,
                                         Long inProgressTimeoutMinutes, long nowMillis) {
        Long started = startedAtMillis;
        Long inProgressDeadline = inProgressDeadlineMillis;
        if (started == null && newStatus == ExecutionStatus.IN_PROGRESS) {
            started = nowMillis;
            if (inProgressTimeoutMinutes != null) {
                inProgressDeadline = Timeouts.deadline(nowMillis, inProgressTimeoutMinutes);
            }
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
            deadline = Timeouts.deadline(nowMillis, stepTimer.minutes());
        }
        return new JobExecution(jobId, thingName, executionNumber, newStatus,
                newDetails == null ? statusDetails : newDetails, queuedAtMillis, started, nowMillis, versionNumber + 1,
                minutes, deadline, forceCanceled, retryAttempt, inProgressDeadline);
    }

    /** The execution after the service itself set a terminal status (cancel, removal, timeout). */
    public JobExecution withServiceStatus(ExecutionStatus newStatus, boolean force, Map<String, String> newDetails, long nowMillis) {
        return new JobExecution(jobId, thingName, executionNumber, newStatus,
                newDetails == null ? statusDetails : newDetails, queuedAtMillis, startedAtMillis, nowMillis,
                versionNumber + 1, stepTimeoutMinutes, newStatus.isTerminal() ? null : stepDeadlineMillis,
                forceCanceled || force, retryAttempt, inProgressDeadlineMillis);
    }

    /**
     * When the service times this execution out: the earlier of the step and in-progress
     * deadlines (a step timer never extends the in-progress one, spec 2.7); null when no timer
     * runs or the execution is not IN_PROGRESS.
     */
    public Long timeoutDeadlineMillis() {
        return status == ExecutionStatus.IN_PROGRESS ? Timeouts.earlier(stepDeadlineMillis, inProgressDeadlineMillis) : null;
    }
}
