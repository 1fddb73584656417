package dev.fleetjobs.core.saferollout;

import dev.fleetjobs.core.model.CanaryConfig;
import java.util.Objects;

/**
 * Where a job's canary stages stand; stored, so that a restart resumes at the same gate.
 *
 * @param stage       index of the stage under way (0 for the first); equal to the number of stages once every gate passed
 * @param stageSize   how many things the stage under way releases, fixed when it starts; null until then
 * @param released    things the stage under way has released so far
 * @param gateFailed  the gate of the stage under way failed and paused the job; resuming moves on to the next stage
 */
public record CanaryProgress(String jobId, int stage, Integer stageSize, long released, boolean gateFailed) {

    public CanaryProgress {
        Objects.requireNonNull(jobId, "jobId");
    }

    public static CanaryProgress start(String jobId) {
        return new CanaryProgress(jobId, 0, null, 0, false);
    }

    public boolean isDone(CanaryConfig config) {
        return stage >= config.stages().size();
    }

    public CanaryProgress sized(int size) {
        return new CanaryProgress(jobId, stage, size, released, gateFailed);
    }

    public CanaryProgress withReleased(long count) {
        return new CanaryProgress(jobId, stage, stageSize, released + count, gateFailed);
    }

    public CanaryProgress failed() {
        return new CanaryProgress(jobId, stage, stageSize, released, true);
    }

    /** The next stage, not started yet. */
    public CanaryProgress next() {
        return new CanaryProgress(jobId, stage + 1, null, 0, false);
    }

    /** Things the stage under way may still release; 0 before its size is known. */
    public long room() {
        return stageSize == null ? 0 : Math.max(0, stageSize - released);
    }
}
