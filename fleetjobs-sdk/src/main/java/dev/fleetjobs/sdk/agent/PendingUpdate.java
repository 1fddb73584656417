package dev.fleetjobs.sdk.agent;

import java.util.Map;

/**
 * An update the agent is about to send (or has sent without seeing the answer), written to the
 * journal first so that a restart can tell whether the service applied it.
 *
 * @param step          for a {@link Kind#REPORT}, the step number it announces
 * @param statusDetails null for a heartbeat, which keeps the stored details
 */
public record PendingUpdate(Kind kind, int step, String status, Map<String, String> statusDetails, long expectedVersion) {

    public enum Kind {
        /** IN_PROGRESS with the details of a step that starts. */
        REPORT,
        /** IN_PROGRESS with no details: keeps the step timer alive. */
        HEARTBEAT,
        /** The terminal status. */
        FINAL
    }

    public PendingUpdate {
        statusDetails = statusDetails == null ? null : Map.copyOf(statusDetails);
    }

    PendingUpdate expecting(long version) {
        return new PendingUpdate(kind, step, status, statusDetails, version);
    }
}
