package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import java.util.Arrays;

/** Parses wire enum values, refusing unknown ones with the model's enum value set in the message. */
public final class Enums {

    private Enums() {
    }

    public static dev.fleetjobs.core.model.ExecutionStatus executionStatus(String field, String value) {
        return parse(dev.fleetjobs.core.model.ExecutionStatus.class, field, value);
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw Validator.invalid(field, value, "Member must satisfy enum value set: " + Arrays.toString(type.getEnumConstants()));
    }
}
