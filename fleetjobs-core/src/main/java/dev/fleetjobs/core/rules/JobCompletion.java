package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;

/** When a job ends on its own: a SNAPSHOT job in progress completes once nothing is pending. */
public final class JobCompletion {

    private JobCompletion() {
    }

    public static boolean shouldComplete(Job job, JobProgress progress) {
        return job.status() == JobStatus.IN_PROGRESS
                && job.targetSelection() == TargetSelection.SNAPSHOT
                && progress.pending() == 0;
    }
}
