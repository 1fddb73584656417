package dev.fleetjobs.sdk.agent;

/**
 * What the agent has done for the execution it works on, as kept on disk.
 *
 * @param version      the execution's versionNumber after the last acknowledged update
 * @param stepsDone    steps that finished (successfully, or failed with ignoreStepFailure)
 * @param reportedStep the last step whose start the service acknowledged
 * @param lastStdout   the end of the last finished step's output, for includeStdOut
 * @param pending      an update sent or about to be sent whose answer was not recorded; null if none
 */
public record JournalEntry(String jobId, long executionNumber, long version, int stepsDone, int reportedStep, String lastStdout,
                           PendingUpdate pending) {

    static JournalEntry start(String jobId, long executionNumber, long version) {
        return new JournalEntry(jobId, executionNumber, version, 0, 0, null, null);
    }

    JournalEntry withPending(PendingUpdate update) {
        return new JournalEntry(jobId, executionNumber, version, stepsDone, reportedStep, lastStdout, update);
    }

    /** The pending update was applied and the execution now has {@code newVersion}. */
    JournalEntry acknowledged(long newVersion) {
        int reported = pending != null && pending.kind() == PendingUpdate.Kind.REPORT ? pending.step() : reportedStep;
        return new JournalEntry(jobId, executionNumber, newVersion, stepsDone, reported, lastStdout, null);
    }

    /** The pending update is dropped (a heartbeat that was not applied); the execution has {@code currentVersion}. */
    JournalEntry dropped(long currentVersion) {
        return new JournalEntry(jobId, executionNumber, currentVersion, stepsDone, reportedStep, lastStdout, null);
    }

    JournalEntry atVersion(long currentVersion) {
        return new JournalEntry(jobId, executionNumber, currentVersion, stepsDone, reportedStep, lastStdout, pending);
    }

    JournalEntry stepDone(int step, String stdout) {
        return new JournalEntry(jobId, executionNumber, version, step, reportedStep, stdout, pending);
    }
}
