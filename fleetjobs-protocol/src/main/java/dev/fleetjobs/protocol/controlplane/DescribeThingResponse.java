package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record DescribeThingResponse(
        String defaultClientId,
        String thingName,
        String thingId,
        String thingArn,
        Map<String, String> attributes,
        Long version) {
}
