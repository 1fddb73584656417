package dev.fleetjobs.server.http;

import java.util.Map;

/**
 * A request that passed authentication and matched a route.
 *
 * @param pathParams  the route's labels, percent-decoded
 * @param headers     header values by lower-case name (the first value of each), for members the
 *                    model binds to headers such as {@code x-amzn-principal}
 */
public record ApiRequest(Map<String, String> pathParams, QueryInput query, JsonInput body, Map<String, String> headers) {

    public ApiRequest(Map<String, String> pathParams, QueryInput query, JsonInput body) {
        this(pathParams, query, body, Map.of());
    }

    public String path(String label) {
        return pathParams.get(label);
    }

    /** A header's first value, or null; {@code name} in lower case. */
    public String header(String name) {
        return headers.get(name);
    }
}
