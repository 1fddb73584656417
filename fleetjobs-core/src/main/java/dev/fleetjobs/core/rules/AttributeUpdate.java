package dev.fleetjobs.core.rules;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How UpdateThing and UpdateThingGroup change attributes: the given map replaces the stored one,
 * or with {@code merge} is merged into it, where an empty value removes that attribute.
 */
public final class AttributeUpdate {

    private AttributeUpdate() {
    }

    /** @param given  null leaves the attributes as they are */
    public static Map<String, String> apply(Map<String, String> current, Map<String, String> given, boolean merge) {
        if (given == null) {
            return current;
        }
        Map<String, String> result = new LinkedHashMap<>(merge ? current : Map.of());
        for (Map.Entry<String, String> entry : given.entrySet()) {
            if (merge && entry.getValue().isEmpty()) {
                result.remove(entry.getKey());
            } else {
                result.put(entry.getKey(), entry.getValue());
            }
        }
        return result;
    }
}
