package dev.fleetjobs.protocol.controlplane;

public record UpdateThingGroupResponse(Long version) {
}
