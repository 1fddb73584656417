package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeThingGroupResponse(
        String thingGroupName,
        String thingGroupId,
        String thingGroupArn,
        Long version,
        ThingGroupProperties thingGroupProperties,
        ThingGroupMetadata thingGroupMetadata) {
}
