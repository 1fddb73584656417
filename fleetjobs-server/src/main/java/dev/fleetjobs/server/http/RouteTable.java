package dev.fleetjobs.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations of one plane, by HTTP method and model request URI. */
public final class RouteTable {

    private record Route(String name, String method, PathTemplate template, Operation operation) {
    }

    /** A matched route with its decoded labels; {@code name} is the operation's name (see {@link #add}). */
    public record Match(String name, Operation operation, Map<String, String> pathParams) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds every route of a group; the groups of one plane together make its table. */
    public RouteTable addAll(RouteGroup group) {
        group.register(this);
        return this;
    }

    /**
     * @param name  what metrics and the request log call the operation: the AWS operation name
     *              ({@code CreateJob}), or {@code Fleetjobs.<Name>} for Fleetjobs' own routes
     */
    public RouteTable add(String name, String method, String template, Operation operation) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Every route has an operation name: " + method + " " + template);
        }
        routes.add(new Route(name, method, new PathTemplate(template), operation));
        // Literal segments first, so that "/things/{t}/jobs/$next" wins over "/things/{t}/jobs/{jobId}".
        routes.sort(Comparator.comparingInt((Route r) -> r.template().literalCount()).reversed());
        return this;
    }

    /** How many operations the table routes. */
    public int size() {
        return routes.size();
    }

    /** The operation names of the table, in routing order (for the metrics to resolve their series once). */
    public List<String> names() {
        return routes.stream().map(Route::name).toList();
    }

    public Optional<Match> find(String method, List<String> decodedSegments) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> labels = route.template().match(decodedSegments);
            if (labels.isPresent()) {
                return Optional.of(new Match(route.name(), route.operation(), labels.get()));
            }
        }
        return Optional.empty();
    }
}
