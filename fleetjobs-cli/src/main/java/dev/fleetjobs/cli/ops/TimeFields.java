package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * Times for people: the control plane answers with epoch seconds ({@code 1.796521657329E9}); tables
 * show them as ISO-8601 instants. JSON output keeps the API's numbers.
 */
final class TimeFields {

    private TimeFields() {
    }

    /** A copy of {@code node} in which every numeric time member (named {@code ...At}, {@code ...Date}, {@code notBefore}, {@code notAfter}) is ISO-8601 text. */
    static JsonNode readable(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        convert(copy);
        return copy;
    }

    static String iso(double epochSeconds) {
        return Instant.ofEpochMilli(Math.round(epochSeconds * 1000)).toString();
    }

    private static void convert(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isNumber() && isTime(field.getKey())) {
                    field.setValue(TextNode.valueOf(iso(field.getValue().asDouble())));
                } else {
                    convert(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(TimeFields::convert);
        }
    }

    private static boolean isTime(String member) {
        return member.endsWith("At") || member.endsWith("Date") || member.equals("notBefore") || member.equals("notAfter");
    }
}
