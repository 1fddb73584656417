package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.rules.JobCompletion;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place through which every execution is created, changed or deleted, so that what
 * follows from such a change (a retry, an abort, a SNAPSHOT job completing, device notifications
 * and events) is never forgotten by one of the callers: requests, timers and rollouts, background
 * group expansion, cancels and deletes, and continuous jobs following group membership all come
 * through here. When the unit of work runs under a {@link NotifyingJobStore}, each change is also
 * recorded for the notifications sent after commit.
 */
final class ExecutionChanges {

    private ExecutionChanges() {
    }

    static void create(StoreTransaction tx, JobExecution execution) {
        tx.lockThing(execution.thingName());
        Optional<UnitChanges> unit = UnitChanges.of(tx);
        unit.ifPresent(u -> u.beforeChange(tx, execution.thingName()));
        tx.insertExecution(execution);
        unit.ifPresent(u -> u.membership(execution.thingName(), false, execution.status().isPending()));
    }

    /** New executions at once, as a batch of group expansion creates them. */
    static void createAll(StoreTransaction tx, List<JobExecution> executions) {
        Optional<UnitChanges> unit = UnitChanges.of(tx);
        // Only what devices are told needs the things held: a second execution of the job on a thing
        // cannot be inserted by a racing node anyway (its key is taken).
        unit.ifPresent(u -> executions.forEach(e -> {
            tx.lockThing(e.thingName());
            u.beforeChange(tx, e.thingName());
        }));
        tx.insertExecutions(executions);
        unit.ifPresent(u -> executions.forEach(e -> u.membership(e.thingName(), false, e.status().isPending())));
    }

    static JobExecution change(StoreTransaction tx, JobExecution updated, long nowMillis) {
        tx.lockThing(updated.thingName());
        Optional<UnitChanges> unit = UnitChanges.of(tx);
        boolean wasPending = unit.isPresent() && wasPending(tx, updated);
        unit.ifPresent(u -> u.beforeChange(tx, updated.thingName()));
        tx.updateExecution(updated);
        unit.ifPresent(u -> {
            u.membership(updated.thingName(), wasPending, updated.status().isPending());
            if (wasPending && updated.status().isTerminal()) {
                u.executionEvent(updated, updated.status().name().toLowerCase(Locale.ROOT));
            }
        });
        if (updated.status().isTerminal()) {
            // Retries, abort and completion read the job's counts: what other nodes committed must be in them.
            tx.lockJob(updated.jobId());
            ExecutionFollowUps.afterTerminal(tx, updated, nowMillis);
            completeJobIfDone(tx, updated.jobId(), nowMillis);
        }
        return updated;
    }

    /** The service ends an execution whose timer expired (spec 2.7). */
    static JobExecution timeOut(StoreTransaction tx, JobExecution expired, long nowMillis) {
        return change(tx, expired.withServiceStatus(ExecutionStatus.TIMED_OUT, false, null, nowMillis), nowMillis);
    }

    static void delete(StoreTransaction tx, JobExecution execution, long nowMillis) {
        tx.lockThing(execution.thingName());
        Optional<UnitChanges> unit = UnitChanges.of(tx);
        unit.ifPresent(u -> u.beforeChange(tx, execution.thingName()));
        tx.deleteExecution(execution.jobId(), execution.thingName(), execution.executionNumber());
        unit.ifPresent(u -> {
            u.membership(execution.thingName(), execution.status().isPending(), false);
            u.executionEvent(execution, "deleted");
        });
        completeJobIfDone(tx, execution.jobId(), nowMillis);
    }

    /** Stores a job that has just ended (or begun to end) and records the event that says so; an ended job is paused no more. */
    static void jobEnded(StoreTransaction tx, Job job, String operation) {
        tx.updateJob(job);
        if (job.isFinished() && tx.findJobPause(job.jobId()).isPresent()) {
            tx.setJobPause(job.jobId(), null);
        }
        jobEvent(tx, job, operation);
    }

    /** Records a job event without a change of its own, such as the end of a cancellation already stored. */
    static void jobEvent(StoreTransaction tx, Job job, String operation) {
        UnitChanges.of(tx).ifPresent(u -> u.jobEvent(job, operation, tx.progress(job.jobId())));
    }

    /** Records one of Fleetjobs' own job events: a pause, a resume or a canary gate's decision. */
    static void safeRolloutEvent(StoreTransaction tx, Job job, String operation, JobPause pause, GateDecision gate) {
        UnitChanges.of(tx).ifPresent(u -> u.jobEvent(new JobEvent(job, operation, tx.progress(job.jobId()), pause, gate)));
    }

    /**
     * Completes a SNAPSHOT job once nothing is pending and no target is still on its way: neither
     * its group expansion nor its rollout has anything left. Also called when either of them ends.
     */
    static void completeJobIfDone(StoreTransaction tx, String jobId, long nowMillis) {
        // Two nodes ending a job's last two executions at once must not both see the other one pending.
        tx.lockJob(jobId);
        tx.findJob(jobId).ifPresent(job -> {
            // Whether targets are still on their way is asked last: it takes two more reads.
            if (JobCompletion.shouldComplete(job, tx.progress(jobId), false) && !stillAdding(tx, jobId)) {
                jobEnded(tx, job.withStatus(JobStatus.COMPLETED, nowMillis), "completed");
            }
        });
    }

    /** Whether targets of the job may still get executions: group targets still being expanded, or a rollout still releasing. */
    static boolean stillAdding(StoreReader reader, String jobId) {
        return JobRollouts.isReleasing(reader, jobId)
                || reader.jobWork(jobId).stream().anyMatch(work -> work.kind() == JobWork.Kind.ROLLOUT);
    }

    private static boolean wasPending(StoreTransaction tx, JobExecution updated) {
        return tx.findExecution(updated.jobId(), updated.thingName(), OptionalLong.of(updated.executionNumber()))
                .map(stored -> stored.status().isPending())
                .orElse(false);
    }

    static Job requireJob(StoreTransaction tx, String jobId) {
        return tx.findJob(jobId).orElseThrow(() -> NotFound.job(jobId));
    }
}
