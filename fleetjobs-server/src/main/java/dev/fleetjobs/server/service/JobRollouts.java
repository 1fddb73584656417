package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.EndBehavior;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.rules.JobSchedule;
import dev.fleetjobs.core.rules.RolloutRate;
import dev.fleetjobs.core.rules.Timeouts;
import dev.fleetjobs.core.schedule.WireDateTime;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How a job's targets are offered it over time. Every job keeps a {@link RolloutState} (its
 * notified count is what abort criteria measure against). A job without a rollout rate, a
 * schedule or canary stages offers every thing as soon as it is reached (thing targets at
 * creation, group members as the background expansion finds them), unless it is paused; any
 * other keeps its not-yet-offered things in the store, and each step ({@link #advance}) applies
 * the schedule's phase (SCHEDULED or IN_PROGRESS, the end behaviour), offers the targets the rate
 * and the canary gates allow by creating their QUEUED executions (none while the job is paused),
 * and records when the next step is due. A thing leaves the targets in
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

    /** Stores the rollout state of a job just inserted; its things come with {@link #offer}. */
    static void begin(StoreTransaction tx, Job job) {
        tx.insertRollout(RolloutState.initial(job.jobId(), 0), List.of());
    }

    /**
     * Offers the job to things it has just reached: its thing targets at creation, or a batch of
     * its group targets' things found by the background expansion. A job without a rollout rate,
     * a schedule or canary stages gives each an execution now (one per thing, however many
     * targets reach it); any other appends them to the things waiting for their turn and takes
     * its next step. Things reached after the rollout stopped (the schedule's end) are not offered.
     */
    static void offer(StoreTransaction tx, Job job, Collection<String> thingNames, long nowMillis) {
        if (enqueue(tx, job, thingNames, nowMillis)) {
            advance(tx, job.jobId(), nowMillis);
        }
    }

    /**
     * Offers the things as {@link #offer} does, but leaves the next step to the caller, which
     * takes it once after handing over many batches (a rollback job's things).
     *
     * @return whether the things wait for the rollout, whose next step is then due
     */
    static boolean enqueue(StoreTransaction tx, Job job, Collection<String> thingNames, long nowMillis) {
        // The rollout state is read, changed and written back: one node at a time.
        tx.lockJob(job.jobId());
        RolloutState state = tx.findRollout(job.jobId()).orElseGet(() -> {
            begin(tx, job);
            return RolloutState.initial(job.jobId(), 0);
        });
        // A paused job keeps what it reaches waiting, whatever its configuration, until it is resumed.
        if (!job.runConfig().offersOverTime() && tx.findJobPause(job.jobId()).isEmpty()) {
            int offered = JobWorkSteps.ensureExecutions(tx, job.jobId(), thingNames, nowMillis).size();
            if (offered > 0) {
                tx.updateRollout(new RolloutState(state.jobId(), state.notified() + offered, state.remaining(),
                        state.windowStartMillis(), state.releasedInWindow(), state.endApplied(), state.dueAtMillis()));
            }
            return false;
        }
        if (state.endApplied() || !ExecutionFollowUps.isRunning(job)) {
            return false;
        }
        if (!thingNames.isEmpty()) {
            tx.addRolloutTargets(job.jobId(), List.copyOf(thingNames));
            tx.updateRollout(new RolloutState(state.jobId(), state.notified(), state.remaining() + thingNames.size(),
                    state.windowStartMillis(), state.releasedInWindow(), state.endApplied(), state.dueAtMillis()));
        }
        return true;
    }

    /** Nothing more is offered: the things still waiting are dropped and nothing is due. */
    static void stop(StoreTransaction tx, String jobId) {
        tx.findRollout(jobId).ifPresent(state -> {
            tx.clearRolloutTargets(jobId);
            tx.updateRollout(state.stopped(false).withDue(null));
        });
    }

    /** Whether targets of the job are still waiting to be offered. */
    static boolean isReleasing(StoreReader reader, String jobId) {
        return reader.findRollout(jobId).map(RolloutState::isReleasing).orElse(false);
    }

    /** Applies whatever the job's schedule and rollout rate call for at {@code nowMillis}. */
    static void advance(StoreTransaction tx, String jobId, long nowMillis) {
        tx.lockJob(jobId);
        Optional<Job> found = tx.findJob(jobId);
        Optional<RolloutState> foundState = tx.findRollout(jobId);
        if (found.isEmpty() || foundState.isEmpty()) {
            return;
        }
        Job job = found.get();
        RolloutState state = foundState.get();
        if (!ExecutionFollowUps.isRunning(job)) {
            if (state.isReleasing() || state.dueAtMillis() != null) {
                stop(tx, jobId);
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
        boolean paused = tx.findJobPause(jobId).isPresent();
        boolean releasing = status == JobStatus.IN_PROGRESS && !paused;
        do {
            if (releasing && state.isReleasing()) {
                state = release(tx, job, state, nowMillis);
            }
            // A canary gate may decide now (its stage's things finished already, or the job had no more); one
            // that passes lets the next stage out in the same step.
        } while (CanaryGates.decide(tx, job, state, nowMillis) && releasing);
        if (job.runConfig().canary() != null) {
            if (tx.findJob(jobId).filter(ExecutionFollowUps::isRunning).isEmpty()) {
                return; // its gate aborted the job, which stopped the rollout
            }
            paused = tx.findJobPause(jobId).isPresent();
        }
        Long due = state.endApplied() ? null : schedule.nextChangeAfter(nowMillis);
        if (status == JobStatus.IN_PROGRESS && !paused && CanaryGates.mayRelease(tx, job)) {
            due = Timeouts.earlier(due, RolloutRate.nextReleaseMillis(state));
        }
        tx.updateRollout(state.withDue(due));
        if (!ExecutionFollowUps.abortIfCriteriaMet(tx, job, nowMillis)) {
            ExecutionChanges.completeJobIfDone(tx, jobId, nowMillis);
        }
    }

    /**
     * Offers the things the rate allows now. A thing that is already offered (reached through
     * several targets) or deleted is skipped without using up the window, so the window is filled
     * with things actually offered.
     */
    private static RolloutState release(StoreTransaction tx, Job job, RolloutState state, long nowMillis) {
        long succeeded = tx.progress(job.jobId()).count(ExecutionStatus.SUCCEEDED);
        RolloutState current = state;
        while (true) {
            long room = CanaryGates.room(tx, job, current);
            RolloutRate.Release release = RolloutRate.release(job.runConfig().rollout(), current, succeeded, nowMillis, room);
            if (release.count() == 0) {
                return current;
            }
            List<String> released = new ArrayList<>();
            for (String thingName : tx.takeRolloutTargets(job.jobId(), release.count())) {
                // A thing deleted since the job was created is no longer a target.
                if (tx.findThing(thingName).isPresent()) {
                    released.add(thingName);
                }
            }
            List<String> firstOffers = JobWorkSteps.ensureExecutions(tx, job.jobId(), released, nowMillis);
            CanaryGates.released(tx, job, firstOffers);
            int offered = firstOffers.size();
            int skipped = release.count() - offered;
            RolloutState next = release.next();
            current = new RolloutState(next.jobId(), current.notified() + offered, next.remaining(), next.windowStartMillis(),
                    next.releasedInWindow() - skipped, next.endApplied(), next.dueAtMillis());
            if (skipped == 0) {
                return current;
            }
        }
    }

    private static void applyEnd(StoreTransaction tx, Job job, RolloutState state, long nowMillis) {
        tx.clearRolloutTargets(job.jobId());
        tx.updateRollout(state.stopped(true).withDue(null));
        JobWorkSteps.stopExpansion(tx, job.jobId());
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
}
