package dev.fleetjobs.server.http;

/** Operations that belong together (things, jobs, ...) and add their routes to a plane's table. */
@FunctionalInterface
public interface RouteGroup {

    void register(RouteTable table);
}
