package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.protocol.mqtt.FleetjobsJobEventMessage;
import dev.fleetjobs.protocol.mqtt.JobEventMessage;
import dev.fleetjobs.protocol.mqtt.JobExecutionEventMessage;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import dev.fleetjobs.protocol.mqtt.ListNotification;
import dev.fleetjobs.protocol.mqtt.NextNotification;
import dev.fleetjobs.server.http.SafeRolloutShapes;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ChangeListener;
import dev.fleetjobs.server.service.CommittedChanges;
import dev.fleetjobs.server.service.ExecutionEvent;
import dev.fleetjobs.server.service.JobEvent;
import dev.fleetjobs.server.service.PendingChange;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns committed changes into {@code notify}, {@code notify-next} (spec 3.5 and 5) and, when
 * enabled, the jobs events. Whether to notify was decided inside the transaction; this only
 * writes the payloads, so it runs quickly on the store's writer thread.
 */
final class Notifications implements ChangeListener {

    private final MqttOutlet outlet;
    private final Clock clock;
    private final Arns arns;
    private final boolean events;

    Notifications(MqttOutlet outlet, Clock clock, Arns arns, boolean events) {
        this.outlet = outlet;
        this.clock = clock;
        this.arns = arns;
        this.events = events;
    }

    @Override
    public void committed(CommittedChanges changes) {
        long timestamp = Math.floorDiv(clock.millis(), 1000L);
        for (PendingChange change : changes.things()) {
            if (change.setChanged()) {
                outlet.publish(JobsTopic.notify(change.thingName()),
                        MqttJson.write(new ListNotification(timestamp, MqttShapes.pendingByStatus(change.pending()))));
            }
            if (change.nextChanged()) {
                outlet.publish(JobsTopic.notifyNext(change.thingName()),
                        MqttJson.write(new NextNotification(timestamp, change.next().map(MqttShapes::execution).orElse(null))));
            }
        }
        if (events) {
            changes.executionEvents().forEach(event -> publishExecutionEvent(event, timestamp));
            changes.jobEvents().forEach(event -> publishJobEvent(event, timestamp));
        }
    }

    private void publishExecutionEvent(ExecutionEvent event, long timestamp) {
        JobExecution e = event.execution();
        outlet.publish(JobsTopic.executionEvent(e.jobId(), event.operation()), MqttJson.write(new JobExecutionEventMessage(
                "JOB_EXECUTION", UUID.randomUUID().toString(), timestamp, event.operation(), e.jobId(), arns.thing(e.thingName()),
                e.status().name(), e.statusDetails().isEmpty() ? null : e.statusDetails())));
    }

    private void publishJobEvent(JobEvent event, long timestamp) {
        Job job = event.job();
        if (event.isFleetjobs()) {
            outlet.publish(JobsTopic.jobEvent(job.jobId(), event.operation()), MqttJson.write(new FleetjobsJobEventMessage(
                    FleetjobsJobEventMessage.EVENT_TYPE, UUID.randomUUID().toString(), timestamp,
                    event.operation().substring(JobEvent.FLEETJOBS_PREFIX.length()), job.jobId(), job.status().name(),
                    SafeRolloutShapes.pause(event.pause()), event.gate() == null ? null : SafeRolloutShapes.decision(event.gate()))));
            return;
        }
        boolean completed = event.operation().equals("completed");
        outlet.publish(JobsTopic.jobEvent(job.jobId(), event.operation()), MqttJson.write(new JobEventMessage(
                "JOB", UUID.randomUUID().toString(), timestamp, event.operation(), job.jobId(),
                event.operation().toUpperCase(Locale.ROOT), job.targetSelection().name(), job.targets(), job.description(),
                completed ? job.completedAtMillis() : null, job.createdAtMillis(), job.lastUpdatedAtMillis(), job.comment(),
                completed ? processDetails(event) : null)));
    }

    private static Map<String, Long> processDetails(JobEvent event) {
        Map<String, Long> details = new LinkedHashMap<>();
        details.put("numberOfCanceledThings", event.progress().count(ExecutionStatus.CANCELED));
        details.put("numberOfRejectedThings", event.progress().count(ExecutionStatus.REJECTED));
        details.put("numberOfFailedThings", event.progress().count(ExecutionStatus.FAILED));
        details.put("numberOfRemovedThings", event.progress().count(ExecutionStatus.REMOVED));
        details.put("numberOfSucceededThings", event.progress().count(ExecutionStatus.SUCCEEDED));
        details.put("numberOfTimedOutThings", event.progress().count(ExecutionStatus.TIMED_OUT));
        return details;
    }
}
