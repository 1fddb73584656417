package dev.fleetjobs.core.rules;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Substitution of {@code ${aws:iot:parameter:<key>}} placeholders in a job document. Placeholders
 * sit inside JSON strings, so values are escaped for one; every placeholder needs a value and every
 * value a placeholder, so a typo in either is refused rather than shipped to devices.
 */
public final class DocumentParameters {

    /** AWS allows at most ten substitution patterns in one job document. */
    public static final int MAX_PLACEHOLDERS = 10;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{aws:iot:parameter:([a-zA-Z0-9_-]+)}");

    private DocumentParameters() {
    }

    /** The keys of the placeholders in the document, in order of first appearance. */
    public static Set<String> placeholders(String document) {
        Set<String> keys = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(document);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    public static String substitute(String document, Map<String, String> parameters) {
        Set<String> keys = placeholders(document);
        if (keys.size() > MAX_PLACEHOLDERS) {
            throw new InvalidRequestException("The job document has " + keys.size() + " parameter placeholders; at most "
                    + MAX_PLACEHOLDERS + " are allowed.");
        }
        for (String key : keys) {
            if (!parameters.containsKey(key)) {
                throw new InvalidRequestException("documentParameters has no value for the placeholder ${aws:iot:parameter:"
                        + key + "} of the job document.");
            }
        }
        for (String key : parameters.keySet()) {
            if (!keys.contains(key)) {
                throw new InvalidRequestException("documentParameters." + key
                        + " matches no ${aws:iot:parameter:" + key + "} placeholder in the job document.");
            }
        }
        Matcher matcher = PLACEHOLDER.matcher(document);
        StringBuilder substituted = new StringBuilder(document.length());
        while (matcher.find()) {
            matcher.appendReplacement(substituted, Matcher.quoteReplacement(escapeForJsonString(parameters.get(matcher.group(1)))));
        }
        matcher.appendTail(substituted);
        return substituted.toString();
    }

    private static String escapeForJsonString(String value) {
        // Values have no control characters (the model's pattern), so quotes and backslashes are all there is to escape.
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
