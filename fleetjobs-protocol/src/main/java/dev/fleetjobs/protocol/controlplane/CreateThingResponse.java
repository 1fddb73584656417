package dev.fleetjobs.protocol.controlplane;

public record CreateThingResponse(String thingName, String thingArn, String thingId) {
}
