package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.model.ThingGroup;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a job targets: things by name and thing groups by name. A group target reaches every
 * thing in the group and in its subgroups, at any depth.
 */
public record JobTargets(Set<String> thingNames, Set<String> groupNames) {

    /** Keeps the order the targets were given in. */
    public JobTargets {
        thingNames = Collections.unmodifiableSet(new LinkedHashSet<>(thingNames));
        groupNames = Collections.unmodifiableSet(new LinkedHashSet<>(groupNames));
    }

    public int size() {
        return thingNames.size() + groupNames.size();
    }

    /** Whether a thing that is in exactly {@code groupsOfThing} is a target of the job. */
    public boolean reaches(String thingName, Collection<ThingGroup> groupsOfThing) {
        if (thingNames.contains(thingName)) {
            return true;
        }
        return groupsOfThing.stream().flatMap(g -> g.lineage().stream()).anyMatch(groupNames::contains);
    }
}
