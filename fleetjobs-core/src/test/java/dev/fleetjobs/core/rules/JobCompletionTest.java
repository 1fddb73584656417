package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobCompletionTest {

    @Test
    void aSnapshotJobCompletesOnlyWhenItsRolloutIsDoneAndNothingIsPending() {
        Job snapshot = job(TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS);
        JobProgress done = new JobProgress(Map.of(ExecutionStatus.SUCCEEDED, 3L));
        JobProgress running = new JobProgress(Map.of(ExecutionStatus.SUCCEEDED, 3L, ExecutionStatus.QUEUED, 1L));
        assertThat(JobCompletion.shouldComplete(snapshot, done, false)).isTrue();
        assertThat(JobCompletion.shouldComplete(snapshot, done, true)).isFalse();
        assertThat(JobCompletion.shouldComplete(snapshot, running, false)).isFalse();
        assertThat(JobCompletion.shouldComplete(job(TargetSelection.CONTINUOUS, JobStatus.IN_PROGRESS), done, false)).isFalse();
        assertThat(JobCompletion.shouldComplete(job(TargetSelection.SNAPSHOT, JobStatus.CANCELED), done, false)).isFalse();
    }

    private static Job job(TargetSelection selection, JobStatus status) {
        return new Job("j", selection, status, "{}", null, List.of("arn"), null, false, null, null, 1, 1, null);
    }
}
