package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThingGroupMetadata(String parentGroupName, List<GroupNameAndArn> rootToParentThingGroups, BigDecimal creationDate) {
}
