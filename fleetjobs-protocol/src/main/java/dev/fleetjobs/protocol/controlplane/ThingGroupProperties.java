package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThingGroupProperties(String thingGroupDescription, AttributePayload attributePayload) {
}
