package dev.fleetjobs.sdk.agent;

import java.time.Duration;
import java.util.Map;

/** What the agent tells about its work, for logs and tests. Called on the agent's threads; keep it quick. */
public interface AgentListener {

    default void jobStarted(String jobId, long executionNumber, int firstStep, int totalSteps) {
    }

    default void stepStarted(String jobId, int step, int totalSteps, String name) {
    }

    default void stepFinished(String jobId, int step, StepResult result) {
    }

    default void heartbeatSent(String jobId, long versionNumber) {
    }

    default void jobFinished(String jobId, JobOutcome outcome, Map<String, String> statusDetails) {
    }

    /** Something failed; the agent tries again after {@code retryIn}. */
    default void problem(String message, Duration retryIn) {
    }
}
