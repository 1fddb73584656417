package dev.fleetjobs.protocol.controlplane;

public record DescribeJobExecutionResponse(JobExecution execution) {
}
