package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;

/**
 * When a job ends on its own: a SNAPSHOT job in progress completes once its rollout has reached
 * every target and nothing is pending.
 */
public final class JobCompletion {

    private JobCompletion() {
    }

    public static boolean shouldComplete(Job job, JobProgress progress, boolean rolloutPending) {
        return job.status() == JobStatus.IN_PROGRESS
                && job.targetSelection() == TargetSelection.SNAPSHOT
                && !rolloutPending
                && progress.pending() == 0;
    }
}
