package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.store.JobStore;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The fleet at a glance: jobs and executions by status, devices connected over MQTT and the
 * latest failures. Counts come from the per-job counters and the failures from a partial index,
 * so the cost does not grow with the number of executions; the metrics endpoint can read the
 * same numbers from here.
 */
public final class FleetOverview {

    /** One reading. {@code connectedDevices} is empty when no embedded broker runs (an external broker knows, this node does not). */
    public record Snapshot(Map<JobStatus, Long> jobs, Map<ExecutionStatus, Long> executions, OptionalLong connectedDevices,
                           List<JobExecution> latestFailures) {
    }

    private final JobStore store;
    private final Supplier<OptionalLong> connectedDevices;

    public FleetOverview(JobStore store, Supplier<OptionalLong> connectedDevices) {
        this.store = store;
        this.connectedDevices = connectedDevices;
    }

    public CompletableFuture<Snapshot> read(int failures) {
        return store.read(r -> new Snapshot(r.jobCountsByStatus(), r.executionCountsByStatus(), connectedDevices.get(),
                r.latestFailures(failures)));
    }
}
