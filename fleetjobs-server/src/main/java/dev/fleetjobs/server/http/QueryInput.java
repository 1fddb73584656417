package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.validation.Validator;
import java.util.Map;

/** Typed reads of query parameters; unknown parameters are ignored, as AWS does. */
public final class QueryInput {

    private final Map<String, String> params;

    QueryInput(Map<String, String> params) {
        this.params = params;
    }

    public String string(String name) {
        String value = params.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** The value exactly as given, an empty one included; null when the parameter is absent. */
    public String rawString(String name) {
        return params.get(name);
    }

    public Boolean bool(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw Validator.invalid(name, value, "Member must be true or false");
        };
    }

    public boolean bool(String name, boolean defaultValue) {
        Boolean value = bool(name);
        return value == null ? defaultValue : value;
    }

    public Long longValue(String name) {
        String value = string(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Validator.invalid(name, value, "Member must be an integer (long)");
        }
    }

    public Integer intValue(String name) {
        Long value = longValue(name);
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw Validator.invalid(name, value.toString(), "Member must be an integer");
        }
        return value.intValue();
    }

    public ExecutionStatus executionStatus(String name) {
        return Enums.executionStatus(name, string(name));
    }
}
