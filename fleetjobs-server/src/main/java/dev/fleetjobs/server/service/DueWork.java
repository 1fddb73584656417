package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.rules.Timeouts;
import dev.fleetjobs.store.StoreTransaction;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The units of work the scheduler runs when their time comes: ending an execution whose timer
 * expired, and advancing a job's rollout and schedule. Each re-reads what it acts on inside its
 * own transaction and does nothing when that is no longer due, so running one twice is harmless.
 */
public final class DueWork {

    private DueWork() {
    }

    /** Times the execution out if it is still IN_PROGRESS with an expired timer; returns whether it did. */
    public static boolean timeOut(StoreTransaction tx, JobExecution expired, long nowMillis) {
        tx.lockThing(expired.thingName());
        Optional<JobExecution> current = tx.findExecution(expired.jobId(), expired.thingName(),
                OptionalLong.of(expired.executionNumber()));
        if (current.isEmpty() || !Timeouts.isExpired(current.get(), nowMillis)) {
            return false;
        }
        ExecutionChanges.timeOut(tx, current.get(), nowMillis);
        return true;
    }

    /** Advances the job if its rollout is still due; returns whether it was. */
    public static boolean advanceRollout(StoreTransaction tx, String jobId, long nowMillis) {
        // Held before reading: another node that advanced it meanwhile has moved its due time on.
        tx.lockJob(jobId);
        Long due = tx.findRollout(jobId).map(state -> state.dueAtMillis()).orElse(null);
        if (due == null || due > nowMillis) {
            return false;
        }
        JobRollouts.advance(tx, jobId, nowMillis);
        return true;
    }
}
