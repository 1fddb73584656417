package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.rules.JobSchedule;
import dev.fleetjobs.core.rules.RolloutRate;
import dev.fleetjobs.core.rules.Timeouts;
import dev.fleetjobs.core.schedule.WireDateTime;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;
import java.util.Optional;

/**
 * How a job's targets are offered it over time. Every job keeps a {@link RolloutState} (its
 * notified count is what abort criteria measure against). A job without a rollout rate or a
 * schedule offers every target at creation; any other keeps its not-yet-offered targets in the
 * store, and each step ({@link #advance}) applies the schedule's phase
 * (SCHEDULED or IN_PROGRESS, the end behaviour), offers the targets the rate allows by creating
 * their QUEUED executions, and records when the next step is due. A thing leaves the targets in
 * the transaction that creates its execution, so a restart neither loses nor repeats an offer.
 * DescribeJob therefore counts only offered things: the others are not queued yet.
 */
final class JobRollouts {

    /** The reason code of a job canceled by its schedule's end behaviour; AWS's own is not documented. */
    static final String SCHEDULE_END_REASON_CODE = "SCHEDULED_END_REACHED";

    private JobRollouts() {
    }

    /** The status a job has when it is created. */
    static JobStatus initialStatus(JobRunConfig config, long nowMillis) {
        return config.schedule() == null ? JobStatus.IN_PROGRESS : new JobSchedule(config.schedule()).statusAt(nowMillis);
    }

    /** Offers a job just inserted to its targets, now or over time. */
    static void begin(StoreTransaction tx, Job job, List<String> thingNames, long nowMillis) {
        if (!job.runConfig().offersOverTime()) {
            for (String thingName : thingNames) {
                offer(tx, job.jobId(), thingName, nowMillis);
            }
            tx.insertRollout(new RolloutState(job.jobId(), thingNames.size(), 0, nowMillis, thingNames.size(), false, null), List.of());
            return;
        }
        tx.insertRollout(RolloutState.initial(job.jobId(), thingNames.size()), thingNames);
        advance(tx, job.jobId(), nowMillis);
    }

    /** Whether targets of the job are still waiting to be offered. */
    static boolean isReleasing(StoreReader reader, String jobId) {
        return reader.findRollout(jobId).map(RolloutState::isReleasing).orElse(false);
    }

    /** Applies whatever the job's schedule and rollout rate call for at {@code nowMillis}. */
    static void advance(StoreTransaction tx, String jobId, long nowMillis) {
        Optional<Job> found = tx.findJob(jobId);
        Optional<RolloutState> foundState = tx.findRollout(jobId);
        if (found.isEmpty() || foundState.isEmpty()) {
            return;
        }
        Job job = found.get();
        RolloutState state = foundState.get();
        if (!ExecutionFollowUps.isRunning(job)) {
            if (state.isReleasing() || state.dueAtMillis() != null) {
                tx.clearRolloutTargets(jobId);
                tx.updateRollout(state.stopped(false).withDue(null));
            }
            return;
        }
        JobSchedule schedule = new JobSchedule(job.runConfig().schedule());
        if (!state.endApplied() && schedule.hasEnded(nowMillis)) {
            applyEnd(tx, job, state, nowMillis);
            return;
        }
        JobStatus status = state.endApplied() ? JobStatus.IN_PROGRESS : schedule.statusAt(nowMillis);
        if (job.status() != status) {
            job = job.withStatus(status, nowMillis);
            tx.updateJob(job);
        }
        if (status == JobStatus.IN_PROGRESS && state.isReleasing()) {
            state = release(tx, job, state, nowMillis);
        }
        Long due = state.endApplied() ? null : schedule.nextChangeAfter(nowMillis);
        if (status == JobStatus.IN_PROGRESS) {
            due = Timeouts.earlier(due, RolloutRate.nextReleaseMillis(state));
        }
        tx.updateRollout(state.withDue(due));
        if (!ExecutionFollowUps.abortIfCriteriaMet(tx, job, nowMillis)) {
            ExecutionChanges.completeJobIfDone(tx, jobId, nowMillis);
        }
    }

    private static RolloutState release(StoreTransaction tx, Job job, RolloutState state, long nowMillis) {
        long succeeded = tx.progress(job.jobId()).count(ExecutionStatus.SUCCEEDED);
        RolloutRate.Release release = RolloutRate.release(job.runConfig().rollout(), state, succeeded, nowMillis);
        int offered = 0;
        for (String thingName : tx.takeRolloutTargets(job.jobId(), release.count())) {
            // A thing deleted since the job was created is no longer a target.
            if (tx.findThing(thingName).isPresent()) {
                offer(tx, job.jobId(), thingName, nowMillis);
                offered++;
            }
        }
        RolloutState next = release.next();
        return new RolloutState(next.jobId(), state.notified() + offered, next.remaining(), next.windowStartMillis(),
                next.releasedInWindow(), next.endApplied(), next.dueAtMillis());
    }

    private static void applyEnd(StoreTransaction tx, Job job, RolloutState state, long nowMillis) {
        tx.clearRolloutTargets(job.jobId());
        tx.updateRollout(state.stopped(true).withDue(null));
        EndBehavior behavior = job.runConfig().schedule().effectiveEndBehavior();
        if (behavior == EndBehavior.STOP_ROLLOUT) {
            if (job.status() != JobStatus.IN_PROGRESS) {
                tx.updateJob(job.withStatus(JobStatus.IN_PROGRESS, nowMillis));
            }
            ExecutionChanges.completeJobIfDone(tx, job.jobId(), nowMillis);
            return;
        }
        String comment = "The job reached its schedulingConfig endTime " + WireDateTime.format(job.runConfig().schedule().endMillis())
                + " with endBehavior " + behavior + ".";
        JobCancellation.cancel(tx, job, behavior == EndBehavior.FORCE_CANCEL, SCHEDULE_END_REASON_CODE, comment, nowMillis);
    }

    private static void offer(StoreTransaction tx, String jobId, String thingName, long nowMillis) {
        ExecutionChanges.create(tx, JobExecution.queued(jobId, thingName, tx.nextExecutionNumber(jobId, thingName), nowMillis));
    }
}
