package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.rules.JobProgress;
import java.util.ArrayList;
import java.util.List;

/**
 * A job with the counts of its executions by status, its unfinished background work and where
 * its rollout stands.
 *
 * @param work                        empty unless the job is expanding group targets, canceling or being deleted
 * @param releasing                   the job is IN_PROGRESS and its rollout still has targets to offer
 * @param scheduledRolloutStartMillis the next maintenance window openings, at most seven
 * @param safeRollout                 pause, canary gates and rollback links (Fleetjobs' own)
 */
public record JobDetails(Job job, JobProgress progress, List<JobWork> work, boolean releasing,
                         List<Long> scheduledRolloutStartMillis, SafeRolloutState safeRollout) {

    public JobDetails {
        work = List.copyOf(work);
        scheduledRolloutStartMillis = List.copyOf(scheduledRolloutStartMillis);
        safeRollout = safeRollout == null ? SafeRolloutState.NONE : safeRollout;
    }

    public JobDetails(Job job, JobProgress progress, List<JobWork> work, boolean releasing, List<Long> scheduledRolloutStartMillis) {
        this(job, progress, work, releasing, scheduledRolloutStartMillis, SafeRolloutState.NONE);
    }

    public JobDetails(Job job, JobProgress progress) {
        this(job, progress, List.of(), false, List.of());
    }

    /** {@code isConcurrent}: true while the job expands its groups, cancels or is deleted in the background, or its rollout releases. */
    public boolean concurrent() {
        return !work.isEmpty() || releasing;
    }

    /**
     * The targets still being rolled out, as they were given: the group targets still being
     * expanded and, while the rollout has things left to offer, the job's targets.
     */
    public List<String> processingTargets() {
        List<String> processing = new ArrayList<>(work.stream().filter(w -> w.kind() == JobWork.Kind.ROLLOUT)
                .map(JobWork::targetArn).toList());
        if (releasing) {
            job.targets().stream().filter(target -> !processing.contains(target)).forEach(processing::add);
        }
        return processing;
    }
}
