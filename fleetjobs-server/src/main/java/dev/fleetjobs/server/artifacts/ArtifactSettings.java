package dev.fleetjobs.server.artifacts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Where job files live and what address MQTT devices get in their presigned URLs.
 *
 * @param external   null for the built-in store (the default)
 * @param mqttOrigin {@code scheme://host[:port]} of this server for documents sent over MQTT; null to derive it from the listener
 */
public record ArtifactSettings(External external, String mqttOrigin) {

    /**
     * An external S3-compatible store: {@code s3://BUCKET-PREFIX?endpoint=URL&region=R&path-style=true}.
     *
     * @param bucketPrefix put before a placeholder's bucket name (often empty)
     * @param endpoint     null for AWS S3 itself
     */
    public record External(String bucketPrefix, URI endpoint, String region, boolean pathStyle) {
    }

    private static final Set<String> PARAMETERS = Set.of("endpoint", "region", "path-style");

    public static ArtifactSettings builtIn() {
        return new ArtifactSettings(null, null);
    }

    /**
     * Reads {@code --artifact-store}: {@code builtin}, or {@code s3://[BUCKET-PREFIX][?endpoint=URL][&region=R][&path-style=true|false]}
     * (region defaults to {@code defaultRegion}; path style defaults to true when an endpoint is given).
     */
    public static ArtifactSettings parse(String store, String mqttOrigin, String defaultRegion) {
        String origin = mqttOrigin == null ? null : origin(mqttOrigin);
        if (store == null || store.isBlank() || store.equals("builtin")) {
            return new ArtifactSettings(null, origin);
        }
        if (!store.startsWith("s3://")) {
            throw new IllegalArgumentException("--artifact-store must be 'builtin' or s3://BUCKET-PREFIX?endpoint=URL&region=R, was " + store);
        }
        String rest = store.substring("s3://".length());
        int question = rest.indexOf('?');
        String prefix = question < 0 ? rest : rest.substring(0, question);
        if (!prefix.matches("[a-z0-9.-]*")) {
            throw new IllegalArgumentException("The bucket prefix of --artifact-store may hold lowercase letters, digits, '.' and '-' only: "
                    + prefix);
        }
        Map<String, String> params = new HashMap<>();
        if (question >= 0) {
            for (String pair : rest.substring(question + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                if (!PARAMETERS.contains(name)) {
                    throw new IllegalArgumentException("Unknown --artifact-store parameter '" + name + "'; known: " + PARAMETERS);
                }
                params.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        URI endpoint = params.containsKey("endpoint") ? uri(params.get("endpoint")) : null;
        boolean pathStyle = Boolean.parseBoolean(params.getOrDefault("path-style", Boolean.toString(endpoint != null)));
        return new ArtifactSettings(new External(prefix, endpoint, params.getOrDefault("region", defaultRegion), pathStyle), origin);
    }

    private static URI uri(String text) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("The endpoint of --artifact-store must be an http or https URL, was " + text);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The endpoint of --artifact-store is not a URL: " + text, e);
        }
    }

    /** {@code scheme://authority} of a URL, without a path. */
    private static String origin(String url) {
        URI uri = uri(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
