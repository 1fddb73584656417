package dev.fleetjobs.sdk.agent;

/** What one turn of the agent came to. */
public enum JobOutcome {
    /** Nothing was pending. */
    IDLE,
    SUCCEEDED,
    FAILED,
    /** The document could not be run here; nothing ran. */
    REJECTED,
    /** The service ended the execution (canceled, timed out, removed) while the agent worked on it. */
    ABANDONED,
    /** The agent was closed mid-job; the journal resumes it at the next start. */
    STOPPED
}
