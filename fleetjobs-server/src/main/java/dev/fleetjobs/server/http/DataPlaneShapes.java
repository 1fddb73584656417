package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.protocol.dataplane.JobExecutionState;
import dev.fleetjobs.protocol.dataplane.JobExecutionSummary;
import dev.fleetjobs.server.service.ExecutionView;
import java.util.List;

/** Domain values to data-plane wire shapes (HTTP; MQTT reuses the summaries and states). */
public final class DataPlaneShapes {

    private DataPlaneShapes() {
    }

    /** @param document the job document as this device receives it (presigned URLs in place), or null */
    static dev.fleetjobs.protocol.dataplane.JobExecution execution(ExecutionView view, String document) {
        JobExecution e = view.execution();
        return new dev.fleetjobs.protocol.dataplane.JobExecution(e.jobId(), e.thingName(), e.status().name(),
                e.statusDetails().isEmpty() ? null : e.statusDetails(),
                WireTime.seconds(e.queuedAtMillis()), WireTime.seconds(e.startedAtMillis()), WireTime.seconds(e.lastUpdatedAtMillis()),
                view.approximateSecondsBeforeTimedOut(), e.versionNumber(), e.executionNumber(), document);
    }

    public static List<JobExecutionSummary> summaries(List<JobExecution> executions) {
        return executions.stream().map(DataPlaneShapes::summary).toList();
    }

    public static JobExecutionSummary summary(JobExecution e) {
        return new JobExecutionSummary(e.jobId(), WireTime.seconds(e.queuedAtMillis()), WireTime.seconds(e.startedAtMillis()),
                WireTime.seconds(e.lastUpdatedAtMillis()), e.versionNumber(), e.executionNumber());
    }

    public static JobExecutionState state(JobExecution e) {
        return new JobExecutionState(e.status().name(), e.statusDetails().isEmpty() ? null : e.statusDetails(), e.versionNumber());
    }
}
