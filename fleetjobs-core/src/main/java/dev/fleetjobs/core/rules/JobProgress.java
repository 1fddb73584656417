package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ExecutionStatus;
import java.util.EnumMap;
import java.util.Map;

/** Counts of a job's executions by status: the source of {@code jobProcessDetails}. */
public record JobProgress(Map<ExecutionStatus, Long> counts) {

    public JobProgress {
        EnumMap<ExecutionStatus, Long> copy = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus s : ExecutionStatus.values()) {
            copy.put(s, counts.getOrDefault(s, 0L));
        }
        counts = Map.copyOf(copy);
    }

    public long count(ExecutionStatus status) {
        return counts.get(status);
    }

    public long pending() {
        return count(ExecutionStatus.QUEUED) + count(ExecutionStatus.IN_PROGRESS);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
