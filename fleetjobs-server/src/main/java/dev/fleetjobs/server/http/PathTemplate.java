package dev.fleetjobs.server.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model request URI such as {@code /things/{thingName}/jobs/$next}, matched against the
 * percent-decoded segments of a request path. Literal segments match exactly, so the literal
 * {@code $next} matches both wire forms ({@code $next} and {@code %24next}).
 */
public final class PathTemplate {

    private final String text;
    private final List<String> segments;

    public PathTemplate(String text) {
        this.text = text;
        this.segments = RequestPath.split(text);
    }

    public Optional<Map<String, String>> match(List<String> decodedSegments) {
        if (decodedSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String actual = decodedSegments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                labels.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(labels);
    }

    /** How many literal segments it has: more literals win over labels when two routes match. */
    int literalCount() {
        return (int) segments.stream().filter(s -> !s.startsWith("{")).count();
    }

    @Override
    public String toString() {
        return text;
    }
}
