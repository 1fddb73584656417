package dev.fleetjobs.store;

/**
 * Which things ListThings asks for.
 *
 * @param attributeName   only things with this attribute; null for every thing
 * @param attributeValue  with a name: only things whose attribute has this value (or starts with it); null for any value
 */
public record ThingQuery(String attributeName, String attributeValue, boolean valueIsPrefix) {

    public static final ThingQuery ALL = new ThingQuery(null, null, false);
}
