package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.GateAction;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.saferollout.CanaryGate;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.PauseCause;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.List;
import java.util.Optional;

/**
 * Canary stages (Fleetjobs' own): the rollout releases each stage's things, at the job's rate when
 * it has one, and then holds until the stage's gate decides ({@link CanaryGate}). A gate that
 * passes lets the next stage, or after the last the ordinary rollout, go out at once; one that
 * fails pauses the job or aborts it, as configured. The stage under way and the things each stage
 * released are stored, so a restart resumes at the same gate; each decision is stored with its
 * numbers and announced as a {@code fleetjobs/canary_gate} job event.
 */
final class CanaryGates {

    /** The reason code of a job a canary gate aborted. */
    static final String ABORT_REASON_CODE = "CANARY_GATE_FAILED";

    private CanaryGates() {
    }

    /**
     * How many things the rollout may release now: what the stage under way has room for, no
     * limit once every gate passed (or without canary stages), none while a gate waits. A stage
     * gets its size when it starts; a percentage stage starts only once the group expansion has
     * counted all the job's things.
     */
    static long room(StoreTransaction tx, Job job, RolloutState state) {
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null) {
            return Long.MAX_VALUE;
        }
        CanaryProgress progress = tx.findCanaryProgress(job.jobId()).orElseGet(() -> CanaryProgress.start(job.jobId()));
        if (progress.isDone(canary)) {
            return Long.MAX_VALUE;
        }
        if (progress.gateFailed()) {
            return 0;
        }
        if (progress.stageSize() == null) {
            CanaryStage stage = canary.stages().get(progress.stage());
            if (CanaryGate.needsTotal(stage) && expanding(tx, job.jobId())) {
                return 0;
            }
            progress = progress.sized(CanaryGate.stageSize(stage, state.notified() + state.remaining()));
            tx.putCanaryProgress(progress);
        }
        return progress.room();
    }

    /** Whether a release is possible as far as the gates go: false while a gate waits or failed, or a stage waits to start. */
    static boolean mayRelease(StoreReader reader, Job job) {
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null) {
            return true;
        }
        Optional<CanaryProgress> progress = reader.findCanaryProgress(job.jobId());
        return progress.isEmpty() || progress.get().isDone(canary)
                || (!progress.get().gateFailed() && (progress.get().stageSize() == null || progress.get().room() > 0));
    }

    /** Records the things the stage under way has just released. */
    static void released(StoreTransaction tx, Job job, List<String> thingNames) {
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null || thingNames.isEmpty()) {
            return;
        }
        CanaryProgress progress = tx.findCanaryProgress(job.jobId()).orElseGet(() -> CanaryProgress.start(job.jobId()));
        if (progress.isDone(canary)) {
            return;
        }
        tx.addCanaryStageThings(job.jobId(), progress.stage(), thingNames);
        tx.putCanaryProgress(progress.withReleased(thingNames.size()));
    }

    /**
     * Lets the gate of the stage under way decide, if it can: the stage released all it will and
     * enough of its things finished. A failing gate pauses or aborts the job here.
     *
     * @param state  the job's rollout as it stands now (perhaps not stored yet)
     * @return whether the gate passed, so that the rollout may release the next stage now
     */
    static boolean decide(StoreTransaction tx, Job job, RolloutState state, long nowMillis) {
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null || !ExecutionFollowUps.isRunning(job)) {
            return false;
        }
        Optional<CanaryProgress> found = tx.findCanaryProgress(job.jobId());
        if (found.isEmpty() || found.get().isDone(canary) || found.get().gateFailed() || found.get().stageSize() == null) {
            return false;
        }
        CanaryProgress progress = found.get();
        boolean moreToCome = state.isReleasing() || expanding(tx, job.jobId());
        if (progress.room() > 0 && moreToCome) {
            return false;
        }
        Optional<GateDecision> decision = CanaryGate.judge(job.jobId(), progress.stage(), canary.stages().get(progress.stage()),
                progress.released(), tx.canaryStageStatuses(job.jobId(), progress.stage()), nowMillis);
        if (decision.isEmpty()) {
            return false;
        }
        GateDecision decided = decision.get();
        tx.insertGateDecision(decided);
        ExecutionChanges.safeRolloutEvent(tx, job, JobEvent.CANARY_GATE, null, decided);
        if (decided.passed()) {
            tx.putCanaryProgress(progress.next());
            return true;
        }
        tx.putCanaryProgress(progress.failed());
        if (decided.action() == GateAction.ABORT) {
            JobCancellation.cancel(tx, job, false, ABORT_REASON_CODE, decided.describe(), nowMillis);
        } else {
            JobPauses.pause(tx, job, decided.describe(), PauseCause.CANARY_GATE, nowMillis);
        }
        return false;
    }

    /** After an execution of the job ended: if its thing is in the stage under way, the gate may decide, and a passed gate releases the next stage. */
    static void afterTerminal(StoreTransaction tx, Job job, JobExecution ended, long nowMillis) {
        CanaryConfig canary = job.runConfig().canary();
        if (canary == null) {
            return;
        }
        Optional<CanaryProgress> progress = tx.findCanaryProgress(job.jobId());
        if (progress.isEmpty() || progress.get().isDone(canary) || progress.get().gateFailed()
                || !tx.isCanaryStageThing(job.jobId(), progress.get().stage(), ended.thingName())) {
            return;
        }
        Optional<RolloutState> state = tx.findRollout(job.jobId());
        if (state.isPresent() && decide(tx, job, state.get(), nowMillis)) {
            JobRollouts.advance(tx, job.jobId(), nowMillis);
        }
    }

    /** An operator resumed a job its gate had paused: the rollout goes on with the next stage. */
    static void passFailedGate(StoreTransaction tx, Job job) {
        tx.findCanaryProgress(job.jobId()).filter(CanaryProgress::gateFailed)
                .ifPresent(progress -> tx.putCanaryProgress(progress.next()));
    }

    private static boolean expanding(StoreReader reader, String jobId) {
        return reader.jobWork(jobId).stream().anyMatch(work -> work.kind() == JobWork.Kind.ROLLOUT);
    }
}
