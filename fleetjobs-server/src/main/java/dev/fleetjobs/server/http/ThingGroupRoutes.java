package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.AttributePayload;
import dev.fleetjobs.protocol.controlplane.CreateThingGroupResponse;
import dev.fleetjobs.protocol.controlplane.DescribeThingGroupResponse;
import dev.fleetjobs.protocol.controlplane.GroupNameAndArn;
import dev.fleetjobs.protocol.controlplane.ListThingGroupsResponse;
import dev.fleetjobs.protocol.controlplane.ListThingsInThingGroupResponse;
import dev.fleetjobs.protocol.controlplane.ThingGroupMetadata;
import dev.fleetjobs.protocol.controlplane.ThingGroupProperties;
import dev.fleetjobs.protocol.controlplane.UpdateThingGroupResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ResourceArn;
import dev.fleetjobs.server.service.ThingGroupService;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.ThingGroupQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The static thing group operations of the control plane. */
public final class ThingGroupRoutes implements RouteGroup {

    private final ThingGroupService groups;
    private final Arns arns;

    public ThingGroupRoutes(ThingGroupService groups, Arns arns) {
        this.groups = groups;
        this.arns = arns;
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("CreateThingGroup", "POST", "/thing-groups/{thingGroupName}", this::createThingGroup)
                .add("DescribeThingGroup", "GET", "/thing-groups/{thingGroupName}", this::describeThingGroup)
                .add("UpdateThingGroup", "PATCH", "/thing-groups/{thingGroupName}", this::updateThingGroup)
                .add("DeleteThingGroup", "DELETE", "/thing-groups/{thingGroupName}", this::deleteThingGroup)
                .add("ListThingGroups", "GET", "/thing-groups", this::listThingGroups)
                .add("ListThingGroupsForThing", "GET", "/things/{thingName}/thing-groups", this::listThingGroupsForThing)
                .add("AddThingToThingGroup", "PUT", "/thing-groups/addThingToThingGroup", this::addThingToThingGroup)
                .add("RemoveThingFromThingGroup", "PUT", "/thing-groups/removeThingFromThingGroup", this::removeThingFromThingGroup)
                .add("ListThingsInThingGroup", "GET", "/thing-groups/{thingGroupName}/things", this::listThingsInThingGroup);
    }

    private CompletableFuture<?> createThingGroup(ApiRequest request) {
        JsonInput body = request.body();
        JsonInput properties = body.object("thingGroupProperties");
        return groups.create(request.path("thingGroupName"), body.string("parentGroupName"), properties.string("thingGroupDescription"),
                        properties.object("attributePayload").stringMap("attributes"), WireTags.read(body, "tags"))
                .thenApply(g -> new CreateThingGroupResponse(g.groupName(), arns.thingGroup(g.groupName()), g.groupId()));
    }

    private CompletableFuture<?> describeThingGroup(ApiRequest request) {
        return groups.describe(request.path("thingGroupName")).thenApply(this::describe);
    }

    private CompletableFuture<?> updateThingGroup(ApiRequest request) {
        JsonInput body = request.body();
        if (!body.has("thingGroupProperties")) {
            throw Validator.invalid("thingGroupProperties", null, "Member must not be null");
        }
        JsonInput properties = body.object("thingGroupProperties");
        JsonInput payload = properties.object("attributePayload");
        return groups.update(request.path("thingGroupName"), properties.string("thingGroupDescription"), payload.stringMap("attributes"),
                payload.bool("merge") == Boolean.TRUE, body.longValue("expectedVersion")).thenApply(UpdateThingGroupResponse::new);
    }

    private CompletableFuture<?> deleteThingGroup(ApiRequest request) {
        return groups.delete(request.path("thingGroupName"), request.query().longValue("expectedVersion")).thenApply(v -> Map.of());
    }

    /** Without {@code recursive}, as when it is true: every group (or every group under the parent). */
    private CompletableFuture<?> listThingGroups(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        ThingGroupQuery filter = new ThingGroupQuery(query.string("parentGroup"), query.bool("recursive", true),
                query.string("namePrefixFilter"));
        return groups.list(filter, query.string("nextToken"), maxResults).thenApply(this::groupList);
    }

    private CompletableFuture<?> listThingGroupsForThing(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return groups.listForThing(request.path("thingName"), query.string("nextToken"), maxResults).thenApply(this::groupList);
    }

    private CompletableFuture<?> addThingToThingGroup(ApiRequest request) {
        JsonInput body = request.body();
        // There are no dynamic groups here for a static one to take precedence over.
        body.bool("overrideDynamicGroups");
        return groups.addThing(groupName(body), thingName(body)).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> removeThingFromThingGroup(ApiRequest request) {
        JsonInput body = request.body();
        return groups.removeThing(groupName(body), thingName(body)).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> listThingsInThingGroup(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return groups.listThings(request.path("thingGroupName"), query.bool("recursive", false), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListThingsInThingGroupResponse(page.items(), page.nextCursor()));
    }

    private String groupName(JsonInput body) {
        return nameOrArn(body, "thingGroupName", "thingGroupArn", ResourceArn.Type.THING_GROUP);
    }

    private String thingName(JsonInput body) {
        return nameOrArn(body, "thingName", "thingArn", ResourceArn.Type.THING);
    }

    /** The name given directly or through an ARN; given both ways, they must agree. */
    private String nameOrArn(JsonInput body, String nameMember, String arnMember, ResourceArn.Type type) {
        String name = body.string(nameMember);
        String arn = body.string(arnMember);
        if (name != null) {
            Validator.thingName(nameMember, name);
        }
        if (arn == null) {
            return Validator.required(nameMember, name);
        }
        String fromArn = arns.nameOf(arnMember, arn, type);
        if (name != null && !name.equals(fromArn)) {
            throw Validator.invalid(arnMember, arn, "Member must name the same " + type.segment() + " as " + nameMember);
        }
        return fromArn;
    }

    private ListThingGroupsResponse groupList(Page<String> page) {
        return new ListThingGroupsResponse(page.items().stream().map(this::nameAndArn).toList(), page.nextCursor());
    }

    private GroupNameAndArn nameAndArn(String groupName) {
        return new GroupNameAndArn(groupName, arns.thingGroup(groupName));
    }

    private DescribeThingGroupResponse describe(ThingGroup group) {
        List<GroupNameAndArn> rootToParent = group.rootToParent().stream().map(this::nameAndArn).toList();
        return new DescribeThingGroupResponse(group.groupName(), group.groupId(), arns.thingGroup(group.groupName()), group.version(),
                new ThingGroupProperties(group.description(), new AttributePayload(group.attributes())),
                new ThingGroupMetadata(group.parentName(), rootToParent.isEmpty() ? null : rootToParent,
                        WireTime.fractionalSeconds(group.createdAtMillis())));
    }
}
