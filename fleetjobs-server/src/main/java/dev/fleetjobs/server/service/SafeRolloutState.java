package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.saferollout.CanaryProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;
import dev.fleetjobs.core.saferollout.RollbackLink;
import dev.fleetjobs.store.StoreReader;
import java.util.List;

/**
 * What Fleetjobs' own safe-rollout features say about a job, for DescribeJob's {@code fleetjobs}
 * member: its pause, where its canary stages stand and what their gates decided, and its rollback
 * links either way.
 *
 * @param pause      null when the job is not paused
 * @param canary     null when the job has no canary stages or released nothing yet
 * @param rollbackOf the job this one rolls back, or null
 * @param rollbacks  the rollback jobs made of this one, oldest first
 */
public record SafeRolloutState(JobPause pause, CanaryProgress canary, List<GateDecision> decisions, RollbackLink rollbackOf,
                               List<RollbackLink> rollbacks) {

    public static final SafeRolloutState NONE = new SafeRolloutState(null, null, List.of(), null, List.of());

    public SafeRolloutState {
        decisions = List.copyOf(decisions);
        rollbacks = List.copyOf(rollbacks);
    }

    static SafeRolloutState read(StoreReader reader, Job job) {
        boolean canary = job.runConfig().canary() != null;
        return new SafeRolloutState(reader.findJobPause(job.jobId()).orElse(null),
                canary ? reader.findCanaryProgress(job.jobId()).orElse(null) : null,
                canary ? reader.gateDecisions(job.jobId()) : List.of(),
                reader.findRollbackLink(job.jobId()).orElse(null), reader.rollbacksOf(job.jobId()));
    }

    /** Whether there is nothing to show beyond the job's own canary configuration. */
    public boolean isEmpty() {
        return pause == null && canary == null && decisions.isEmpty() && rollbackOf == null && rollbacks.isEmpty();
    }
}
