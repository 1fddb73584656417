package dev.fleetjobs.store;

/** A thing group a job targets, with the group's id as it was when the job came to target it. */
public record JobTargetGroup(String groupName, String groupId) {
}
