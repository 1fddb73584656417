package dev.fleetjobs.server.ops;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.store.JobStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The fleet-wide gauges: jobs and executions by status and the targets rollouts still hold back.
 * Executions come from the per-job counters the store keeps (never counted one by one), jobs from
 * a GROUP BY over the jobs table and the waiting targets from one row per rollout. All three are
 * read together at most once per {@link #MAX_AGE}, however often Prometheus scrapes.
 */
final class FleetCounts {

    static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static final long READ_TIMEOUT_SECONDS = 5;

    private record Snapshot(Map<String, Long> jobs, Map<String, Long> executions, long waitingTargets, long readAtNanos) {
    }

    private final JobStore store;
    private Snapshot last;

    FleetCounts(JobStore store) {
        this.store = store;
    }

    Map<String, Long> jobs() {
        return current().jobs();
    }

    Map<String, Long> executions() {
        return current().executions();
    }

    long waitingTargets() {
        return current().waitingTargets();
    }

    private synchronized Snapshot current() {
        long now = System.nanoTime();
        if (last != null && now - last.readAtNanos() < MAX_AGE.toNanos()) {
            return last;
        }
        try {
            last = store.read(reader -> {
                Map<String, Long> jobs = new LinkedHashMap<>();
                Map<JobStatus, Long> jobCounts = reader.jobCountsByStatus();
                for (JobStatus status : JobStatus.values()) {
                    jobs.put(status.name(), jobCounts.getOrDefault(status, 0L));
                }
                Map<String, Long> executions = new LinkedHashMap<>();
                Map<ExecutionStatus, Long> executionCounts = reader.executionCountsByStatus();
                for (ExecutionStatus status : ExecutionStatus.values()) {
                    executions.put(status.name(), executionCounts.getOrDefault(status, 0L));
                }
                return new Snapshot(jobs, executions, reader.rolloutWaitingTargets(), now);
            }).get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // A scrape while the store is away shows the last counts (or none) rather than failing whole.
            if (last == null) {
                return new Snapshot(Map.of(), Map.of(), 0, now);
            }
        }
        return last;
    }
}
