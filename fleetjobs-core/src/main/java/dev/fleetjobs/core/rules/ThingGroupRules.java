package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ThingGroup;
import java.util.List;
import java.util.Optional;

/** The limits of static thing group hierarchies and of group membership (spec 4.5). */
public final class ThingGroupRules {

    public static final int MAX_DEPTH = 7;
    public static final int MAX_CHILDREN = 100;
    public static final int MAX_GROUPS_PER_THING = 10;

    private ThingGroupRules() {
    }

    /** Refuses a new child of {@code parent} that would be too deep or one child too many. */
    public static void checkNewChild(String childName, ThingGroup parent, long existingChildren) {
        if (parent.depth() + 1 > MAX_DEPTH) {
            throw new InvalidRequestException("Thing group " + childName + " cannot be created under " + parent.groupName()
                    + ": a thing group hierarchy is at most " + MAX_DEPTH + " levels deep.");
        }
        if (existingChildren >= MAX_CHILDREN) {
            throw new InvalidRequestException("Thing group " + parent.groupName() + " already has " + MAX_CHILDREN
                    + " child groups, the most a thing group may have.");
        }
    }

    /**
     * Whether the thing may join {@code group}, given the groups it is in: false when it is already
     * a member (nothing to do); refused when it is in ten groups or already in another group of
     * the same hierarchy (two groups with a common ancestor).
     */
    public static boolean mayJoin(String thingName, ThingGroup group, List<ThingGroup> current) {
        if (current.stream().anyMatch(g -> g.groupName().equals(group.groupName()))) {
            return false;
        }
        Optional<ThingGroup> sameHierarchy = current.stream().filter(g -> g.rootName().equals(group.rootName())).findFirst();
        if (sameHierarchy.isPresent()) {
            throw new InvalidRequestException("Thing " + thingName + " cannot be added to thing group " + group.groupName()
                    + ": it is already in thing group " + sameHierarchy.get().groupName() + " of the same hierarchy (root "
                    + group.rootName() + "), and a thing may be in only one group of a hierarchy.");
        }
        if (current.size() >= MAX_GROUPS_PER_THING) {
            throw new InvalidRequestException("Thing " + thingName + " cannot be added to thing group " + group.groupName()
                    + ": it is already in " + MAX_GROUPS_PER_THING + " thing groups, the most a thing may be in.");
        }
        return true;
    }
}
