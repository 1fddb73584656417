package dev.fleetjobs.server.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The operations of one plane, by HTTP method and model request URI. */
public final class RouteTable {

    private record Route(String method, PathTemplate template, Operation operation) {
    }

    /** A matched route with its decoded labels. */
    public record Match(Operation operation, Map<String, String> pathParams) {
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds every route of a group; the groups of one plane together make its table. */
    public RouteTable addAll(RouteGroup group) {
        group.register(this);
        return this;
    }

    public RouteTable add(String method, String template, Operation operation) {
        routes.add(new Route(method, new PathTemplate(template), operation));
        // Literal segments first, so that "/things/{t}/jobs/$next" wins over "/things/{t}/jobs/{jobId}".
        routes.sort(Comparator.comparingInt((Route r) -> r.template().literalCount()).reversed());
        return this;
    }

    /** How many operations the table routes. */
    public int size() {
        return routes.size();
    }

    public Optional<Match> find(String method, List<String> decodedSegments) {
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> labels = route.template().match(decodedSegments);
            if (labels.isPresent()) {
                return Optional.of(new Match(route.operation(), labels.get()));
            }
        }
        return Optional.empty();
    }
}
