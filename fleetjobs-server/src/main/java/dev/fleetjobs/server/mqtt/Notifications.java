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
import dev.fleetjobs.server.service.ExecutionView;
import dev.fleetjobs.server.service.JobEvent;
import dev.fleetjobs.server.service.PendingChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

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
    private final Function<ExecutionView, String> documents;

    /** @param documents the job document of a view as devices receive it */
    Notifications(MqttOutlet outlet, Clock clock, Arns arns, boolean events, Function<ExecutionView, String> documents) {
        this.outlet = outlet;
        this.clock = clock;
        this.arns = arns;
        this.events = events;
        this.documents = documents;
    }

    @Override
    public void committed(CommittedChanges changes) {
        render(changes).forEach(message -> outlet.publish(message.topic(), message.payload()));
    }

    /** The messages the changes make, in the order they are published. */
    List<MqttMessage> render(CommittedChanges changes) {
        List<MqttMessage> messages = new ArrayList<>();
        long timestamp = Math.floorDiv(clock.millis(), 1000L);
        for (PendingChange change : changes.things()) {
            if (change.setChanged()) {
                messages.add(new MqttMessage(JobsTopic.notify(change.thingName()),
                        MqttJson.write(new ListNotification(timestamp, MqttShapes.pendingByStatus(change.pending())))));
            }
            if (change.nextChanged()) {
                messages.add(new MqttMessage(JobsTopic.notifyNext(change.thingName()), MqttJson.write(new NextNotification(timestamp,
                        change.next().map(next -> MqttShapes.execution(next, documents.apply(next))).orElse(null)))));
            }
        }
        if (events) {
            changes.executionEvents().forEach(event -> messages.add(executionEvent(event, timestamp)));
            changes.jobEvents().forEach(event -> messages.add(jobEvent(event, timestamp)));
        }
        return messages;
    }

    private MqttMessage executionEvent(ExecutionEvent event, long timestamp) {
        JobExecution e = event.execution();
        return new MqttMessage(JobsTopic.executionEvent(e.jobId(), event.operation()), MqttJson.write(new JobExecutionEventMessage(
                "JOB_EXECUTION", UUID.randomUUID().toString(), timestamp, event.operation(), e.jobId(), arns.thing(e.thingName()),
                e.status().name(), e.statusDetails().isEmpty() ? null : e.statusDetails())));
    }

    private MqttMessage jobEvent(JobEvent event, long timestamp) {
        Job job = event.job();
        if (event.isFleetjobs()) {
            return new MqttMessage(JobsTopic.jobEvent(job.jobId(), event.operation()), MqttJson.write(new FleetjobsJobEventMessage(
                    FleetjobsJobEventMessage.EVENT_TYPE, UUID.randomUUID().toString(), timestamp,
                    event.operation().substring(JobEvent.FLEETJOBS_PREFIX.length()), job.jobId(), job.status().name(),
                    SafeRolloutShapes.pause(event.pause()), event.gate() == null ? null : SafeRolloutShapes.decision(event.gate()))));
        }
        boolean completed = event.operation().equals("completed");
        return new MqttMessage(JobsTopic.jobEvent(job.jobId(), event.operation()), MqttJson.write(new JobEventMessage(
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
