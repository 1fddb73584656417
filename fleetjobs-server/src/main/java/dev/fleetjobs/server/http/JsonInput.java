package dev.fleetjobs.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of a JSON request body. A member of the wrong JSON type is refused with a message
 * that names it; an explicit {@code null} counts as absent, as in AWS's deserializers.
 */
public final class JsonInput {

    private final ObjectNode body;
    private final String prefix;
    private final boolean numbersAsText;

    JsonInput(ObjectNode body, String prefix) {
        this(body, prefix, false);
    }

    private JsonInput(ObjectNode body, String prefix, boolean numbersAsText) {
        this.body = body;
        this.prefix = prefix;
        this.numbersAsText = numbersAsText;
    }

    public static JsonInput empty() {
        return new JsonInput(Json.MAPPER.createObjectNode(), "");
    }

    /**
     * A body read as devices write MQTT requests: integers may come as decimal text
     * ({@code "expectedVersion":"2"}, spec 3.2).
     */
    public static JsonInput lenient(ObjectNode body) {
        return new JsonInput(body, "", true);
    }

    public boolean has(String member) {
        JsonNode node = body.get(member);
        return node != null && !node.isNull();
    }

    public String string(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            throw wrongType(member, node, "a string");
        }
        return node.textValue();
    }

    public Long longValue(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (numbersAsText && node.isTextual()) {
            try {
                return Long.parseLong(node.textValue().trim());
            } catch (NumberFormatException e) {
                throw wrongType(member, node, "an integer (long)");
            }
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(member, node, "an integer (long)");
        }
        return node.longValue();
    }

    public Integer intValue(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw wrongType(member, node, "an integer");
        }
        return node.intValue();
    }

    public Double doubleValue(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw wrongType(member, node, "a number");
        }
        return node.doubleValue();
    }

    public Boolean bool(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            throw wrongType(member, node, "a boolean");
        }
        return node.booleanValue();
    }

    /** A map of strings to strings; insertion order is kept. */
    public Map<String, String> stringMap(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isObject()) {
            throw wrongType(member, node, "an object of strings");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual()) {
                throw wrongType(member + "." + entry.getKey(), value, "a string");
            }
            map.put(entry.getKey(), value.textValue());
        }
        return map;
    }

    public List<String> stringList(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(member, node, "a list of strings");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw wrongType(member + "." + (i + 1) + ".member", item, "a string");
            }
            list.add(item.textValue());
        }
        return list;
    }

    /** A nested structure, empty when absent. */
    public JsonInput object(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return new JsonInput(Json.MAPPER.createObjectNode(), qualifiedName(member) + ".", numbersAsText);
        }
        if (!node.isObject()) {
            throw wrongType(member, node, "an object");
        }
        return new JsonInput((ObjectNode) node, qualifiedName(member) + ".", numbersAsText);
    }

    /** A list of structures, each named in messages as {@code member.N.member} like AWS does; null when absent. */
    public List<JsonInput> objectList(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw wrongType(member, node, "a list of objects");
        }
        List<JsonInput> list = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String itemName = member + "." + (i + 1) + ".member";
            if (!item.isObject()) {
                throw wrongType(itemName, item, "an object");
            }
            list.add(new JsonInput((ObjectNode) item, qualifiedName(itemName) + ".", numbersAsText));
        }
        return list;
    }

    /** Refuses every member not named in {@code known}: for Fleetjobs' own structures, where a misspelt member must not go unnoticed. */
    public void refuseUnknown(java.util.Set<String> known) {
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!known.contains(entry.getKey())) {
                throw new InvalidRequestException(qualifiedName(entry.getKey()) + " is not a member Fleetjobs knows here; the members are "
                        + new java.util.TreeSet<>(known) + ".");
            }
        }
    }

    /** Refuses members that this server does not implement yet, rather than ignoring them. */
    public void refuseUnsupported(List<String> members, String why) {
        for (String member : members) {
            if (has(member)) {
                throw new InvalidRequestException(qualifiedName(member) + " is not supported by this Fleetjobs version yet. " + why);
            }
        }
    }

    private JsonNode present(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    /** The member's name as validation messages give it, with the path of the structures around it. */
    public String qualifiedName(String member) {
        return prefix + member;
    }

    private InvalidRequestException wrongType(String member, JsonNode node, String expected) {
        String shown = node.getNodeType() == JsonNodeType.STRING ? node.textValue() : node.toString();
        return Validator.invalid(qualifiedName(member), shown, "Member must be " + expected);
    }
}
