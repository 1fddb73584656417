package dev.fleetjobs.core.validation;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.Tag;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Attributes of a thing or a thing group: at most {@code maxPairs}, names and values as the model allows. */
    public static Map<String, String> attributes(String field, Map<String, String> attributes, int maxPairs, String owner) {
        if (attributes == null) {
            return null;
        }
        if (attributes.size() > maxPairs) {
            throw invalid(field, null, owner + " may have at most " + maxPairs + " attributes");
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            name(field + ".key", entry.getKey(), Constraints.ATTRIBUTE_NAME, Constraints.ATTRIBUTE_NAME_MAX);
            String valueField = field + "." + entry.getKey();
            required(valueField, entry.getValue());
            length(valueField, entry.getValue(), 0, Constraints.ATTRIBUTE_VALUE_MAX);
            pattern(valueField, entry.getValue(), Constraints.ATTRIBUTE_VALUE);
        }
        return attributes;
    }

    /** Tags as given to TagResource or a create operation: valid keys, none twice, none reserved by AWS. */
    public static List<Tag> tags(String field, List<Tag> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            String keyField = field + "." + (i + 1) + ".member.Key";
            tagKey(keyField, tag.key());
            length(field + "." + (i + 1) + ".member.Value", tag.value(), 0, Constraints.TAG_VALUE_MAX);
            if (!keys.add(tag.key())) {
                throw invalid(keyField, tag.key(), "Tag keys must be unique");
            }
        }
        return tags;
    }

    public static String tagKey(String field, String key) {
        name(field, key, Constraints.TAG_KEY, Constraints.TAG_KEY_MAX);
        if (key.startsWith("aws:")) {
            throw invalid(field, key, "Tag keys starting with 'aws:' are reserved for AWS");
        }
        return key;
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
