package dev.fleetjobs.server.service;

import java.util.List;

/** What one unit of work changed that devices and back ends are told about, once it is committed. */
public record CommittedChanges(List<PendingChange> things, List<ExecutionEvent> executionEvents, List<JobEvent> jobEvents) {

    public static final CommittedChanges NONE = new CommittedChanges(List.of(), List.of(), List.of());

    public CommittedChanges {
        things = List.copyOf(things);
        executionEvents = List.copyOf(executionEvents);
        jobEvents = List.copyOf(jobEvents);
    }

    public boolean isEmpty() {
        return things.isEmpty() && executionEvents.isEmpty() && jobEvents.isEmpty();
    }
}
