package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.Tag;
import java.util.List;

/**
 * A request for a rollback job (Fleetjobs' own), parsed into types (still to be validated).
 *
 * @param originalJobId    the job to roll back
 * @param jobId            the rollback job's id; null to derive it from the original's
 * @param statuses         the things whose latest execution of the original has one of these are targeted; null for SUCCEEDED and IN_PROGRESS
 * @param runConfig        the rollback job's own rollout, abort, retry, schedule and canary configuration
 * @param cancelOriginal   cancel the original first if it still runs
 */
public record RollbackCommand(String originalJobId, String jobId, String document, String description, List<ExecutionStatus> statuses,
                              Long inProgressTimeoutMinutes, JobRunConfig runConfig, boolean cancelOriginal, List<Tag> tags) {

    public static final List<ExecutionStatus> DEFAULT_STATUSES = List.of(ExecutionStatus.SUCCEEDED, ExecutionStatus.IN_PROGRESS);

    public RollbackCommand {
        runConfig = runConfig == null ? JobRunConfig.NONE : runConfig;
    }

    public List<ExecutionStatus> effectiveStatuses() {
        return statuses == null ? DEFAULT_STATUSES : statuses;
    }
}
