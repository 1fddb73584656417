package dev.fleetjobs.sdk.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as it will go on the wire, relative to the endpoint: the path and query are
 * already percent-encoded, exactly the bytes that are sent and signed.
 *
 * @param rawPath  e.g. {@code /things/pump%3A1/jobs/%24next}
 * @param rawQuery without {@code ?}; empty when there is none
 * @param headers  in the order they were added; names keep their case
 */
public record WireRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

    public WireRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        }
        headers = Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    public static WireRequest of(String method, String rawPath, String rawQuery) {
        return new WireRequest(method, rawPath, rawQuery, Map.of(), null);
    }

    /** The first value of a header, whatever the case of its name; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** A copy with {@code name} set to {@code value}, replacing any header of that name in any case. */
    public WireRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, List.of(value));
        return new WireRequest(method, rawPath, rawQuery, copy, body);
    }

    public WireRequest withBody(byte[] newBody) {
        return new WireRequest(method, rawPath, rawQuery, headers, newBody);
    }

    /** The path and query as they follow the endpoint in the URI. */
    public String pathAndQuery() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    /** Headers flattened to name-value pairs, in order. */
    public List<Map.Entry<String, String>> headerPairs() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        headers.forEach((name, values) -> values.forEach(value -> pairs.add(Map.entry(name, value))));
        return pairs;
    }
}
