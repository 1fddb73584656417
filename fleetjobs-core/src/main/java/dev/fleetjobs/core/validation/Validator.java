package dev.fleetjobs.core.validation;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks input against the model's constraints and refuses it with an
 * {@link InvalidRequestException} whose message names the field, in AWS's wording
 * ("Value 'x' at 'field' failed to satisfy constraint: ...").
 */
public final class Validator {

    private Validator() {
    }

    public static String required(String field, String value) {
        if (value == null) {
            throw invalid(field, null, "Member must not be null");
        }
        return value;
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw invalid(field, null, "Member must not be null");
        }
        return value;
    }

    public static String name(String field, String value, Pattern pattern, int maxLength) {
        required(field, value);
        length(field, value, 1, maxLength);
        pattern(field, value, pattern);
        return value;
    }

    public static String thingName(String field, String value) {
        return name(field, value, Constraints.THING_NAME, Constraints.THING_NAME_MAX);
    }

    public static String jobId(String field, String value) {
        return name(field, value, Constraints.JOB_ID, Constraints.JOB_ID_MAX);
    }

    public static String certificateId(String field, String value) {
        required(field, value);
        length(field, value, Constraints.CERTIFICATE_ID_LENGTH, Constraints.CERTIFICATE_ID_LENGTH);
        pattern(field, value, Constraints.CERTIFICATE_ID);
        return value;
    }

    /** An optional free text: when present, at most {@code maxLength} characters without control characters. */
    public static String optionalText(String field, String value, int maxLength) {
        if (value != null) {
            length(field, value, 0, maxLength);
            if (!value.isEmpty()) {
                pattern(field, value, Constraints.NO_CONTROL_CHARS);
            }
        }
        return value;
    }

    public static void length(String field, String value, int min, int max) {
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            throw invalid(field, value, "Member must have length greater than or equal to " + min);
        }
        if (length > max) {
            throw invalid(field, value, "Member must have length less than or equal to " + max);
        }
    }

    public static void pattern(String field, String value, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, value, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min) {
            throw invalid(field, Long.toString(value), "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw invalid(field, Long.toString(value), "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** A timeout in minutes: 1 to 10080, and also -1 where {@code minusOneCancels}. */
    public static Long timeoutMinutes(String field, Long value, boolean minusOneCancels) {
        if (value == null || (minusOneCancels && value == -1)) {
            return value;
        }
        range(field, value, Constraints.TIMEOUT_MINUTES_MIN, Constraints.TIMEOUT_MINUTES_MAX);
        return value;
    }

    public static Map<String, String> statusDetails(String field, Map<String, String> details) {
        if (details == null) {
            return null;
        }
        if (details.size() > Constraints.DETAILS_MAX_PAIRS) {
            throw invalid(field, null, "Member must have at most " + Constraints.DETAILS_MAX_PAIRS + " entries");
        }
        for (Map.Entry<String, String> entry : details.entrySet()) {
            String key = entry.getKey();
            name(field + ".key", key, Constraints.DETAILS_KEY, Constraints.DETAILS_KEY_MAX);
            String value = entry.getValue();
            String valueField = field + "." + key;
            required(valueField, value);
            length(valueField, value, 1, Constraints.DETAILS_VALUE_MAX);
            pattern(valueField, value, Constraints.NO_CONTROL_CHARS);
        }
        return details;
    }

    public static int maxResults(String field, Integer value, int defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        return (int) range(field, value, Constraints.MAX_RESULTS_MIN, Constraints.MAX_RESULTS_MAX);
    }

    public static InvalidRequestException invalid(String field, String value, String constraint) {
        String shown = value == null ? "null" : "'" + abbreviate(value) + "'";
        return new InvalidRequestException(
                "1 validation error detected: Value " + shown + " at '" + field + "' failed to satisfy constraint: " + constraint);
    }

    private static String abbreviate(String value) {
        return value.length() <= 256 ? value : value.substring(0, 256) + "...";
    }
}
