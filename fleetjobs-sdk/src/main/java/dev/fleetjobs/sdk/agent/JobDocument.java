package dev.fleetjobs.sdk.agent;

import java.util.List;

/**
 * A job document the agent can run: the Device Client's schema 1.0 ({@code version},
 * {@code steps}, {@code finalStep}, {@code includeStdOut}), or the older one-operation form
 * ({@code {"operation": "install", "args": [...]}}) read as a single runHandler step.
 *
 * @param finalStep null when absent; it runs only when every step succeeded
 */
public record JobDocument(String version, boolean includeStdOut, List<Action> steps, Action finalStep) {

    public JobDocument {
        steps = List.copyOf(steps);
    }

    /** The steps followed by the final step, if any: what runs, in order. */
    public List<Action> allSteps() {
        if (finalStep == null) {
            return steps;
        }
        java.util.ArrayList<Action> all = new java.util.ArrayList<>(steps);
        all.add(finalStep);
        return List.copyOf(all);
    }
}
