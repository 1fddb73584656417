package dev.fleetjobs.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A static thing group. Its place in the hierarchy is fixed at creation: a group never changes parent.
 *
 * @param rootToParent     the names of its ancestors, the root first and the parent last; empty for a root group
 * @param description      null when none was given
 * @param version          starts at 1 and grows with every update of the group
 */
public record ThingGroup(
        String groupName,
        String groupId,
        List<String> rootToParent,
        String description,
        Map<String, String> attributes,
        long version,
        long createdAtMillis) {

    public ThingGroup {
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(groupId, "groupId");
        rootToParent = List.copyOf(rootToParent);
        attributes = Map.copyOf(attributes);
    }

    /** The parent's name, or null for a root group. */
    public String parentName() {
        return rootToParent.isEmpty() ? null : rootToParent.get(rootToParent.size() - 1);
    }

    /** The root of the hierarchy the group belongs to: itself when it has no parent. */
    public String rootName() {
        return rootToParent.isEmpty() ? groupName : rootToParent.get(0);
    }

    /** 1 for a root group, 2 for its children, and so on. */
    public int depth() {
        return rootToParent.size() + 1;
    }

    /** The group and every ancestor of it. */
    public List<String> lineage() {
        List<String> lineage = new ArrayList<>(rootToParent);
        lineage.add(groupName);
        return List.copyOf(lineage);
    }

    public ThingGroup updated(String newDescription, Map<String, String> newAttributes) {
        return new ThingGroup(groupName, groupId, rootToParent, newDescription, newAttributes, version + 1, createdAtMillis);
    }
}
