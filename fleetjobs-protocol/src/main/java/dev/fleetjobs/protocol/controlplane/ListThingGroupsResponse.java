package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The output of ListThingGroups and of ListThingGroupsForThing, which have the same members. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListThingGroupsResponse(List<GroupNameAndArn> thingGroups, String nextToken) {
}
