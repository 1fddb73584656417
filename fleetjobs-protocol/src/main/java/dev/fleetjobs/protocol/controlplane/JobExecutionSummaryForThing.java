package dev.fleetjobs.protocol.controlplane;

public record JobExecutionSummaryForThing(String jobId, JobExecutionSummary jobExecutionSummary) {
}
