package dev.fleetjobs.server.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Builds the SigV4 canonical request the way botocore and the AWS SDK for Java v2 do for non-S3 services. */
final class CanonicalRequest {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CanonicalRequest() {}

    static String build(SignedRequest request, SignatureParts parts, String payloadHash) {
        return build(request, parts, uri(request.rawPath()), payloadHash);
    }

    /** With the canonical URI given: S3 signs the path as sent, neither normalized nor encoded again. */
    static String build(SignedRequest request, SignatureParts parts, String canonicalUri, String payloadHash) {
        TreeSet<String> names = new TreeSet<>(parts.signedHeaders());
        StringBuilder out = new StringBuilder(512)
                .append(request.method()).append('\n')
                .append(canonicalUri).append('\n')
                .append(query(request.rawQuery(), parts.presigned())).append('\n');
        for (String name : names) {
            out.append(name).append(':').append(headerValue(request.headers().get(name))).append('\n');
        }
        return out.append('\n')
                .append(String.join(";", names)).append('\n')
                .append(payloadHash)
                .toString();
    }

    /**
     * Normalizes the raw wire path (dot segments and empty segments removed, as botocore does) and
     * percent-encodes it once more: the wire form is itself encoded, so {@code %24next} signs as
     * {@code %2524next} and a literal {@code $next} as {@code %24next}.
     */
    static String uri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else {
                segments.add(segment);
            }
        }
        String normalized = (rawPath.startsWith("/") ? "/" : "")
                + String.join("/", segments)
                + (rawPath.endsWith("/") && !segments.isEmpty() ? "/" : "");
        String encoded = UriEncoding.encode(normalized, true);
        return encoded.startsWith("/") ? encoded : "/" + encoded;
    }

    /** Sorted by encoded name, then encoded value; a presigned query leaves out its own signature. */
    static String query(String rawQuery, boolean presigned) {
        List<String[]> pairs = new ArrayList<>();
        parseQuery(rawQuery).forEach((name, values) -> {
            if (presigned && name.equals(PresignedQuery.SIGNATURE)) {
                return;
            }
            String encodedName = UriEncoding.encode(name, false);
            for (String value : values) {
                pairs.add(new String[] {encodedName, UriEncoding.encode(value, false)});
            }
        });
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            out.append(out.length() == 0 ? "" : "&").append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    /** Decoded query parameters in wire order; a parameter without {@code =} has the empty value. */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = UriEncoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : UriEncoding.decode(pair.substring(eq + 1));
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** Runs of whitespace inside a value become one space; most values have none, and skip the regex. */
    private static String foldWhitespace(String trimmed) {
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isWhitespace(trimmed.charAt(i))) {
                return WHITESPACE.matcher(trimmed).replaceAll(" ");
            }
        }
        return trimmed;
    }

    private static String headerValue(List<String> values) {
        if (values == null) {
            return "";
        }
        List<String> cleaned = new ArrayList<>(values.size());
        for (String value : values) {
            cleaned.add(foldWhitespace(value.trim()));
        }
        return String.join(",", cleaned);
    }
}
