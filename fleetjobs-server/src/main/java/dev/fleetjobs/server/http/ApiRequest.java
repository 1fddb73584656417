package dev.fleetjobs.server.http;

import java.util.Map;

/**
 * A request that passed authentication and matched a route.
 *
 * @param pathParams  the route's labels, percent-decoded
 * @param host        the host (and port) the request was sent to, as the client named it
 */
public record ApiRequest(Map<String, String> pathParams, QueryInput query, JsonInput body, String host) {

    public String path(String label) {
        return pathParams.get(label);
    }
}
