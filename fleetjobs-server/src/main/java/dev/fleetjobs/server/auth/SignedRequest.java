package dev.fleetjobs.server.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request as it arrived, before any decoding: the input of {@link SigV4Verifier}.
 *
 * @param rawPath the path exactly as on the wire, e.g. {@code /things/t1/jobs/%24next}
 * @param rawQuery the query exactly as on the wire, without {@code ?}; null or empty when none
 * @param headers header names in any case; {@link #headers()} looks them up case-insensitively
 */
public record SignedRequest(
        String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        TreeMap<String, List<String>> merged = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            // one pass: names that differ only in case (rare) have their values joined in order
            headers.forEach((name, values) -> merged.merge(name, List.copyOf(values), SignedRequest::concat));
        }
        headers = Collections.unmodifiableMap(merged);
        body = body == null ? new byte[0] : body;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> both = new ArrayList<>(first);
        both.addAll(second);
        return List.copyOf(both);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
