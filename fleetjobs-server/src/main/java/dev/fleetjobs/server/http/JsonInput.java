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

    JsonInput(ObjectNode body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    public static JsonInput empty() {
        return new JsonInput(Json.MAPPER.createObjectNode(), "");
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
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw wrongType(member, node, "an integer (long)");
        }
        return node.longValue();
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

    /** A list of structures; null when absent. */
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
            String itemMember = member + "." + (i + 1) + ".member";
            if (!item.isObject()) {
                throw wrongType(itemMember, item, "an object");
            }
            list.add(new JsonInput((ObjectNode) item, qualified(itemMember) + "."));
        }
        return list;
    }

    /** A nested structure, empty when absent. */
    public JsonInput object(String member) {
        JsonNode node = present(member);
        if (node == null) {
            return new JsonInput(Json.MAPPER.createObjectNode(), qualified(member) + ".");
        }
        if (!node.isObject()) {
            throw wrongType(member, node, "an object");
        }
        return new JsonInput((ObjectNode) node, qualified(member) + ".");
    }

    /** Refuses members that this server does not implement yet, rather than ignoring them. */
    public void refuseUnsupported(List<String> members, String why) {
        for (String member : members) {
            if (has(member)) {
                throw new InvalidRequestException(qualified(member) + " is not supported by this Fleetjobs version yet. " + why);
            }
        }
    }

    private JsonNode present(String member) {
        JsonNode node = body.get(member);
        return node == null || node.isNull() ? null : node;
    }

    private String qualified(String member) {
        return prefix + member;
    }

    private InvalidRequestException wrongType(String member, JsonNode node, String expected) {
        String shown = node.getNodeType() == JsonNodeType.STRING ? node.textValue() : node.toString();
        return Validator.invalid(qualified(member), shown, "Member must be " + expected);
    }
}
