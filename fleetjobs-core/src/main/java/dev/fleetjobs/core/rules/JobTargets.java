package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ThingGroup;
import java.util.Collection;
import java.util.Set;

/**
 * What a job targets: things by name and thing groups by name. A group target reaches every
 * thing in the group and in its subgroups, at any depth.
 */
public record JobTargets(Set<String> thingNames, Set<String> groupNames) {

    public JobTargets {
        thingNames = Set.copyOf(thingNames);
        groupNames = Set.copyOf(groupNames);
    }

    /** Whether a thing that is in exactly {@code groupsOfThing} is a target of the job. */
    public boolean reaches(String thingName, Collection<ThingGroup> groupsOfThing) {
        if (thingNames.contains(thingName)) {
            return true;
        }
        return groupsOfThing.stream().flatMap(g -> g.lineage().stream()).anyMatch(groupNames::contains);
    }
}
