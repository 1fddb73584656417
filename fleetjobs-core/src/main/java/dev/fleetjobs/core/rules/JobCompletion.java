package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;

/**
 * When a job ends on its own: a SNAPSHOT job that is running (IN_PROGRESS, or SCHEDULED between
 * maintenance windows) completes once nothing is pending and no target is still on its way: the
 * background expansion of its groups is done and its rollout has nothing left to offer.
 */
public final class JobCompletion {

    private JobCompletion() {
    }

    /**
     * @param stillAdding whether targets may still get an execution: group expansion still under way,
     *                    or targets still waiting to be offered the job by its rollout
     */
    public static boolean shouldComplete(Job job, JobProgress progress, boolean stillAdding) {
        return (job.status() == JobStatus.IN_PROGRESS || job.status() == JobStatus.SCHEDULED)
                && job.targetSelection() == TargetSelection.SNAPSHOT
                && progress.pending() == 0
                && !stillAdding;
    }
}
