package dev.fleetjobs.store;

import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;

/** Which jobs ListJobs asks for; every null filter matches every job. */
public record JobQuery(JobStatus status, TargetSelection targetSelection, String targetGroupName, String targetGroupId) {

    public static final JobQuery ALL = new JobQuery(null, null, null, null);
}
