package dev.fleetjobs.server.http;

import java.util.Map;

/**
 * A request that passed authentication and matched a route.
 *
 * @param pathParams  the route's labels, percent-decoded
 */
public record ApiRequest(Map<String, String> pathParams, QueryInput query, JsonInput body) {

    public String path(String label) {
        return pathParams.get(label);
    }
}
