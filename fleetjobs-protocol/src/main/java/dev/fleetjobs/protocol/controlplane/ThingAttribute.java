package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** An entry of ListThings. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThingAttribute(String thingName, String thingArn, Map<String, String> attributes, Long version) {
}
