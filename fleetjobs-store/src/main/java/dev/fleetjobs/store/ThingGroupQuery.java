package dev.fleetjobs.store;

/**
 * Which thing groups ListThingGroups asks for.
 *
 * @param parentGroup  only groups under this one; null for groups anywhere
 * @param recursive    with a parent: its descendants at any depth rather than its children; without: every group rather than the roots
 * @param namePrefix   only groups whose name starts with this; null for any name
 */
public record ThingGroupQuery(String parentGroup, boolean recursive, String namePrefix) {
}
