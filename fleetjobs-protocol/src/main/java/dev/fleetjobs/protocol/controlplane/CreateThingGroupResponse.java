package dev.fleetjobs.protocol.controlplane;

public record CreateThingGroupResponse(String thingGroupName, String thingGroupArn, String thingGroupId) {
}
