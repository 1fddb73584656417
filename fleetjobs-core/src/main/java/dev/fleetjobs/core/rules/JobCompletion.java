package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;

/**
 * When a job ends on its own: a SNAPSHOT job that is running (IN_PROGRESS, or SCHEDULED between
 * maintenance windows) completes once nothing is pending and its rollout has nothing left to offer.
 */
public final class JobCompletion {

    private JobCompletion() {
    }

    /** @param releasing whether targets are still waiting to be offered the job */
    public static boolean shouldComplete(Job job, JobProgress progress, boolean releasing) {
        return (job.status() == JobStatus.IN_PROGRESS || job.status() == JobStatus.SCHEDULED)
                && job.targetSelection() == TargetSelection.SNAPSHOT
                && progress.pending() == 0
                && !releasing;
    }
}
