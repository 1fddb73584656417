package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pausing and resuming a job (Fleetjobs' own). A paused job releases no more rollout targets
 * ({@link JobRollouts}) and devices are offered none of its QUEUED executions: the store's query
 * of offered executions leaves them out, as it does for a SCHEDULED job, so GetPending, StartNext,
 * {@code $next} and the notifications all agree. IN_PROGRESS executions run on and may finish;
 * QUEUED executions carry no timers, so none runs while they are hidden. The job's AWS status
 * does not change. Devices with a queued execution of the job are told ({@code notify},
 * {@code notify-next}) when it leaves their list and when it comes back.
 */
final class JobPauses {

    private static final int PAGE = 500;

    private JobPauses() {
    }

    /** Pauses the job unless it is paused already; answers the pause in force. */
    static JobPause pause(StoreTransaction tx, Job job, String reason, PauseCause cause, long nowMillis) {
        Optional<JobPause> current = tx.findJobPause(job.jobId());
        if (current.isPresent()) {
            return current.get();
        }
        JobPause pause = new JobPause(job.jobId(), nowMillis, reason, cause);
        changeOfferedSet(tx, job.jobId(), () -> tx.setJobPause(job.jobId(), pause));
        ExecutionChanges.safeRolloutEvent(tx, job, JobEvent.PAUSED, pause, null);
        return pause;
    }

    /**
     * Resumes a paused job: its queued executions are offered again, in the order they had, and
     * its rollout goes on at its rate from where it stopped (a window's unused allowance is not
     * caught up). A job its canary gate paused goes on with the next stage.
     */
    static void resume(StoreTransaction tx, Job job, JobPause pause, long nowMillis) {
        changeOfferedSet(tx, job.jobId(), () -> tx.setJobPause(job.jobId(), null));
        if (pause.cause() == PauseCause.CANARY_GATE) {
            CanaryGates.passFailedGate(tx, job);
        }
        ExecutionChanges.safeRolloutEvent(tx, job, JobEvent.RESUMED, pause, null);
        JobRollouts.advance(tx, job.jobId(), nowMillis);
    }

    /** Makes a change that hides or shows the job's queued executions, telling the devices that have one when it is committed. */
    private static void changeOfferedSet(StoreTransaction tx, String jobId, Runnable change) {
        Optional<UnitChanges> unit = UnitChanges.of(tx);
        if (unit.isEmpty()) {
            change.run();
            return;
        }
        List<String> things = queuedThings(tx, jobId);
        things.forEach(thing -> unit.get().beforeChange(tx, thing));
        change.run();
        things.forEach(thing -> unit.get().membership(thing, true, false));
    }

    private static List<String> queuedThings(StoreTransaction tx, String jobId) {
        List<String> things = new ArrayList<>();
        String cursor = null;
        do {
            Page<JobExecution> page = tx.executionsForJob(jobId, ExecutionStatus.QUEUED, cursor, PAGE);
            page.items().forEach(execution -> things.add(execution.thingName()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return things;
    }
}
