package dev.fleetjobs.sdk.agent;

import dev.fleetjobs.protocol.dataplane.JobExecution;
import dev.fleetjobs.protocol.dataplane.JobExecutionState;
import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.models.errors.InvalidStateTransitionException;
import dev.fleetjobs.sdk.models.errors.JobsException;
import dev.fleetjobs.sdk.models.errors.ResourceNotFoundException;
import dev.fleetjobs.sdk.models.errors.VersionConflictException;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the updates of one execution exactly once. Each update is journaled as pending before it
 * is sent, carries {@code expectedVersion}, and is recorded as acknowledged with the version the
 * service returns. After a crash or a lost answer, {@link #resync} compares the pending update
 * with the execution's state to decide whether it was applied, so nothing is lost or repeated.
 */
final class Reporter {

    private final JobsDataClient client;
    private final Journal journal;
    private final String thingName;
    private final Long stepTimeoutMinutes;
    private JournalEntry current;
    private boolean abandoned;

    Reporter(JobsDataClient client, Journal journal, String thingName, Long stepTimeoutMinutes, JournalEntry entry) {
        this.client = client;
        this.journal = journal;
        this.thingName = thingName;
        this.stepTimeoutMinutes = stepTimeoutMinutes;
        this.current = entry;
    }

    synchronized JournalEntry current() {
        return current;
    }

    synchronized boolean abandoned() {
        return abandoned;
    }

    /**
     * Settles a pending update against the execution as the service has it. Returns the outcome
     * when the execution is over (by our final report, or ended by the service), else empty.
     */
    synchronized Optional<JobOutcome> resync(JobExecution server) {
        JobExecutionStatus status = JobExecutionStatus.fromWire(server.status());
        PendingUpdate pending = current.pending();
        long version = server.versionNumber();
        if (pending != null) {
            boolean applied = version > pending.expectedVersion() && status.name().equals(pending.status())
                    && (pending.statusDetails() == null || pending.statusDetails().equals(server.statusDetails()));
            if (applied) {
                current = current.acknowledged(version);
                if (pending.kind() == PendingUpdate.Kind.FINAL) {
                    journal.clear();
                    return Optional.of(JobOutcome.valueOf(pending.status()));
                }
            } else if (status.isTerminal()) {
                return Optional.of(abandon());
            } else if (pending.kind() == PendingUpdate.Kind.HEARTBEAT) {
                current = current.dropped(version);
            } else {
                current = current.atVersion(version);
                Optional<JobOutcome> finished = pending.kind() == PendingUpdate.Kind.FINAL
                        ? Optional.of(JobOutcome.valueOf(pending.status())) : Optional.empty();
                send(pending.expecting(version));
                return finished;
            }
            journal.save(current);
            return Optional.empty();
        }
        if (status.isTerminal()) {
            return Optional.of(abandon());
        }
        current = current.atVersion(version);
        journal.save(current);
        return Optional.empty();
    }

    /** Announces that step {@code step} starts. */
    synchronized void reportStep(int step, Map<String, String> details) {
        send(new PendingUpdate(PendingUpdate.Kind.REPORT, step, JobExecutionStatus.IN_PROGRESS.name(), details, current.version()));
    }

    /** Sends the terminal status and forgets the execution. */
    synchronized void finish(JobExecutionStatus status, Map<String, String> details) {
        send(new PendingUpdate(PendingUpdate.Kind.FINAL, 0, status.name(), details, current.version()));
    }

    synchronized void stepDone(int step, String stdout) {
        current = current.stepDone(step, stdout);
        journal.save(current);
    }

    /**
     * Keeps the step timer alive. Failures do not stop the step: a version conflict adopts the
     * service's version (a heartbeat changes no details), an ended execution marks the job abandoned.
     *
     * @return the execution's version after the heartbeat, or empty when it was not acknowledged
     */
    synchronized Optional<Long> heartbeat() {
        if (abandoned) {
            return Optional.empty();
        }
        try {
            send(new PendingUpdate(PendingUpdate.Kind.HEARTBEAT, 0, JobExecutionStatus.IN_PROGRESS.name(), null, current.version()));
            return Optional.of(current.version());
        } catch (VersionConflictException e) {
            Optional<JobExecutionState> state = e.executionState();
            if (state.isPresent() && state.get().versionNumber() != null) {
                current = current.dropped(state.get().versionNumber());
                journal.save(current);
            }
            return Optional.empty();
        } catch (InvalidStateTransitionException | ResourceNotFoundException e) {
            abandoned = true;
            return Optional.empty();
        } catch (JobsException e) {
            return Optional.empty();
        }
    }

    /**
     * Asks whether the execution is still wanted (DescribeJobExecution): one that ended on the service's side (canceled,
     * removed, timed out, deleted) marks the job abandoned. A failed ask changes nothing; the next one may do better.
     */
    void checkStillWanted() {
        JournalEntry entry = current();
        try {
            JobExecution execution = client.describeJobExecution(r -> r.thingName(thingName).jobId(entry.jobId())
                            .executionNumber(entry.executionNumber()).includeJobDocument(false))
                    .describeJobExecutionResponse().orElseThrow().execution();
            if (JobExecutionStatus.fromWire(execution.status()).isTerminal()) {
                markAbandoned();
            }
        } catch (ResourceNotFoundException gone) {
            markAbandoned();
        } catch (RuntimeException unreachableOrRefused) {
            // the heartbeat and the next check will tell
        }
    }

    private synchronized void markAbandoned() {
        abandoned = true;
    }

    /**
     * Reports how far a long step is (a download's bytes) in the status details; it also keeps
     * the step timer alive. Failures are treated like a heartbeat's.
     */
    synchronized void progress(Map<String, String> details) {
        if (abandoned) {
            return;
        }
        try {
            send(new PendingUpdate(PendingUpdate.Kind.HEARTBEAT, 0, JobExecutionStatus.IN_PROGRESS.name(), details, current.version()));
        } catch (VersionConflictException e) {
            Optional<JobExecutionState> state = e.executionState();
            if (state.isPresent() && state.get().versionNumber() != null) {
                current = current.dropped(state.get().versionNumber());
                journal.save(current);
            }
        } catch (InvalidStateTransitionException | ResourceNotFoundException e) {
            abandoned = true;
        } catch (JobsException e) {
            // the next report or heartbeat tries again
        }
    }

    private JobOutcome abandon() {
        abandoned = true;
        journal.clear();
        return JobOutcome.ABANDONED;
    }

    private void send(PendingUpdate update) {
        current = current.withPending(update);
        journal.save(current);
        boolean inProgress = update.status().equals(JobExecutionStatus.IN_PROGRESS.name());
        UpdateJobExecutionRequestBody body = UpdateJobExecutionRequestBody.builder(JobExecutionStatus.valueOf(update.status()))
                .statusDetails(update.statusDetails())
                .stepTimeoutInMinutes(inProgress ? stepTimeoutMinutes : null)
                .expectedVersion(update.expectedVersion())
                .executionNumber(current.executionNumber())
                .includeJobExecutionState(true)
                .build();
        var response = client.updateJobExecution(r -> r.thingName(thingName).jobId(current.jobId()).requestBody(body));
        long newVersion = response.updateJobExecutionResponse()
                .map(answer -> answer.executionState())
                .map(JobExecutionState::versionNumber)
                .orElse(update.expectedVersion() + 1);
        current = current.acknowledged(newVersion);
        if (update.kind() == PendingUpdate.Kind.FINAL) {
            journal.clear();
        } else {
            journal.save(current);
        }
    }
}
