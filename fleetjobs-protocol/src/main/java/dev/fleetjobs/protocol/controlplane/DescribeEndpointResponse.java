package dev.fleetjobs.protocol.controlplane;

public record DescribeEndpointResponse(String endpointAddress) {
}
