package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.CreateThingResponse;
import dev.fleetjobs.protocol.controlplane.ListThingsResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ThingService;
import dev.fleetjobs.store.ThingQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The thing registry operations of the control plane. */
public final class ThingRoutes implements RouteGroup {

    private final ThingService things;
    private final Arns arns;
    private final ControlPlaneShapes shapes;

    public ThingRoutes(ThingService things, Arns arns) {
        this.things = things;
        this.arns = arns;
        this.shapes = new ControlPlaneShapes(arns);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("CreateThing", "POST", "/things/{thingName}", this::createThing)
                .add("DescribeThing", "GET", "/things/{thingName}", this::describeThing)
                .add("UpdateThing", "PATCH", "/things/{thingName}", this::updateThing)
                .add("ListThings", "GET", "/things", this::listThings)
                .add("DeleteThing", "DELETE", "/things/{thingName}", this::deleteThing);
    }

    private CompletableFuture<?> createThing(ApiRequest request) {
        JsonInput body = request.body();
        Map<String, String> attributes = body.object("attributePayload").stringMap("attributes");
        return things.create(request.path("thingName"), attributes, body.string("thingTypeName"), body.string("billingGroupName"))
                .thenApply(t -> new CreateThingResponse(t.thingName(), arns.thing(t.thingName()), t.thingId()));
    }

    private CompletableFuture<?> describeThing(ApiRequest request) {
        return things.describe(request.path("thingName")).thenApply(shapes::describeThing);
    }

    private CompletableFuture<?> updateThing(ApiRequest request) {
        JsonInput body = request.body();
        JsonInput payload = body.object("attributePayload");
        // No thing has a type here, so there is never one to remove; the flag is only checked.
        body.bool("removeThingType");
        return things.update(request.path("thingName"), payload.stringMap("attributes"), payload.bool("merge") == Boolean.TRUE,
                body.string("thingTypeName"), body.longValue("expectedVersion")).thenApply(t -> Map.of());
    }

    private CompletableFuture<?> listThings(ApiRequest request) {
        QueryInput query = request.query();
        ThingQuery filter = new ThingQuery(query.string("attributeName"), query.rawString("attributeValue"),
                query.bool("usePrefixAttributeValue", false));
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        if (query.string("thingTypeName") != null) {
            // No thing has a type here, so the filter matches nothing.
            Validator.thingName("thingTypeName", query.string("thingTypeName"));
            return CompletableFuture.completedFuture(new ListThingsResponse(List.of(), null));
        }
        return things.list(filter, query.string("nextToken"), maxResults).thenApply(page -> new ListThingsResponse(
                page.items().stream().map(shapes::thingAttribute).toList(), page.nextCursor()));
    }

    private CompletableFuture<?> deleteThing(ApiRequest request) {
        return things.delete(request.path("thingName"), request.query().longValue("expectedVersion")).thenApply(v -> Map.of());
    }
}
