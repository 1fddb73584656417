package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one unit of work does to pending executions, collected while it runs: the head of each
 * touched thing before its first change, whether its pending set gained or lost a member, and
 * the events. {@link #finish} reads the state afterwards inside the same transaction, so that
 * what devices are told is exactly what was committed.
 */
final class UnitChanges {

    private record Head(String jobId, long executionNumber) {

        static Head of(List<JobExecution> pending) {
            return pending.isEmpty() ? null : new Head(pending.get(0).jobId(), pending.get(0).executionNumber());
        }
    }

    private static final class Touched {
        private final Head before;
        private boolean setChanged;

        private Touched(Head before) {
            this.before = before;
        }
    }

    private final Map<String, Touched> things = new LinkedHashMap<>();
    private final List<ExecutionEvent> executionEvents = new ArrayList<>();
    private final List<JobEvent> jobEvents = new ArrayList<>();

    static Optional<UnitChanges> of(StoreTransaction tx) {
        return tx.attachment(UnitChanges.class);
    }

    /** Call before each change to one of the thing's executions; the first call remembers the head. */
    void beforeChange(StoreReader tx, String thingName) {
        things.computeIfAbsent(thingName, name -> new Touched(Head.of(OfferedExecutions.head(tx, name).stream().toList())));
    }

    /** Call after a change: an execution that was (not) pending and now is (not). */
    void membership(String thingName, boolean wasPending, boolean isPending) {
        if (wasPending != isPending) {
            things.get(thingName).setChanged = true;
        }
    }

    void executionEvent(JobExecution execution, String operation) {
        executionEvents.add(new ExecutionEvent(execution, operation));
    }

    void jobEvent(Job job, String operation, JobProgress progress) {
        jobEvents.add(new JobEvent(job, operation, progress));
    }

    void jobEvent(JobEvent event) {
        jobEvents.add(event);
    }

    /** The changes as committed, read at the end of the unit inside its transaction. */
    CommittedChanges finish(StoreReader tx) {
        List<PendingChange> changes = new ArrayList<>();
        Map<String, Optional<Job>> jobs = new HashMap<>();
        for (Map.Entry<String, Touched> entry : things.entrySet()) {
            List<JobExecution> pending = OfferedExecutions.list(tx, entry.getKey());
            boolean nextChanged = !Objects.equals(entry.getValue().before, Head.of(pending));
            if (!nextChanged && !entry.getValue().setChanged) {
                continue;
            }
            Optional<ExecutionView> next = Optional.empty();
            if (nextChanged && !pending.isEmpty()) {
                JobExecution head = pending.get(0);
                Optional<Job> job = jobs.computeIfAbsent(head.jobId(), tx::findJob);
                next = Optional.of(new ExecutionView(head, job.map(Job::document).orElse(null), null,
                        job.map(j -> j.runConfig().presignedUrlConfig()).orElse(null)));
            }
            changes.add(new PendingChange(entry.getKey(), entry.getValue().setChanged, nextChanged, pending, next));
        }
        return new CommittedChanges(changes, executionEvents, jobEvents);
    }
}
