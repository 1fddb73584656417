package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.rules.JobProgress;
import java.util.List;

/**
 * A job with the counts of its executions by status and its unfinished background work.
 *
 * @param work  empty unless the job is rolling out, canceling or being deleted
 */
public record JobDetails(Job job, JobProgress progress, List<JobWork> work) {

    public JobDetails {
        work = List.copyOf(work);
    }

    /** True while the job rolls out, cancels or is deleted in the background. */
    public boolean isConcurrent() {
        return !work.isEmpty();
    }

    /** The targets still being rolled out, as they were given. */
    public List<String> processingTargets() {
        return work.stream().filter(w -> w.kind() == JobWork.Kind.ROLLOUT).map(JobWork::targetArn).toList();
    }
}
