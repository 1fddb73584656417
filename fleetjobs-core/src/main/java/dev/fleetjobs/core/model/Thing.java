package dev.fleetjobs.core.model;

import java.util.Map;
import java.util.Objects;

/**
 * A registered thing.
 *
 * @param createdAtMillis  epoch milliseconds
 * @param version          starts at 1 and grows with every update of the thing itself
 */
public record Thing(String thingName, String thingId, Map<String, String> attributes, long version, long createdAtMillis) {

    public Thing {
        Objects.requireNonNull(thingName, "thingName");
        Objects.requireNonNull(thingId, "thingId");
        attributes = Map.copyOf(attributes);
    }

    public Thing withAttributes(Map<String, String> newAttributes) {
        return new Thing(thingName, thingId, newAttributes, version + 1, createdAtMillis);
    }
}
