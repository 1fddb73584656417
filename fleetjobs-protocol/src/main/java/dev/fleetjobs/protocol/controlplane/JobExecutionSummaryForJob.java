package dev.fleetjobs.protocol.controlplane;

public record JobExecutionSummaryForJob(String thingArn, JobExecutionSummary jobExecutionSummary) {
}
