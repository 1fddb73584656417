package dev.fleetjobs.protocol.controlplane;

public record DescribeJobResponse(Job job) {
}
