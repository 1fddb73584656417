package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.protocol.dataplane.JobExecutionSummary;
import dev.fleetjobs.protocol.mqtt.MqttJobExecution;
import dev.fleetjobs.server.http.DataPlaneShapes;
import dev.fleetjobs.server.http.WireTime;
import dev.fleetjobs.server.service.ExecutionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Domain values to MQTT payload parts; summaries and states are the HTTP data plane's own. */
final class MqttShapes {

    private MqttShapes() {
    }

    /** @param document the job document as this device receives it (presigned URLs in place), or null */
    static MqttJobExecution execution(ExecutionView view, String document) {
        JobExecution e = view.execution();
        return new MqttJobExecution(e.jobId(), e.status().name(), e.statusDetails().isEmpty() ? null : e.statusDetails(),
                WireTime.seconds(e.queuedAtMillis()), WireTime.seconds(e.startedAtMillis()), WireTime.seconds(e.lastUpdatedAtMillis()),
                e.versionNumber(), e.executionNumber(), document);
    }

    /** The {@code jobs} member of {@code notify}: IN_PROGRESS first, a key only for a list that is not empty. */
    static Map<String, List<JobExecutionSummary>> pendingByStatus(List<JobExecution> pending) {
        Map<String, List<JobExecutionSummary>> jobs = new LinkedHashMap<>();
        for (ExecutionStatus status : List.of(ExecutionStatus.IN_PROGRESS, ExecutionStatus.QUEUED)) {
            List<JobExecution> ofStatus = pending.stream().filter(e -> e.status() == status).toList();
            if (!ofStatus.isEmpty()) {
                jobs.put(status.name(), DataPlaneShapes.summaries(ofStatus));
            }
        }
        return jobs;
    }
}
