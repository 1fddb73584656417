package dev.fleetjobs.protocol.controlplane;

public record GroupNameAndArn(String groupName, String groupArn) {
}
