package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.ListTagsForResourceResponse;
import dev.fleetjobs.server.service.TagService;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Tags on jobs, job templates, things and thing groups. */
public final class TagRoutes implements RouteGroup {

    private final TagService tags;

    public TagRoutes(TagService tags) {
        this.tags = tags;
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("TagResource", "POST", "/tags", this::tagResource)
                .add("UntagResource", "POST", "/untag", this::untagResource)
                .add("ListTagsForResource", "GET", "/tags", this::listTagsForResource);
    }

    private CompletableFuture<?> tagResource(ApiRequest request) {
        JsonInput body = request.body();
        return tags.tag(body.string("resourceArn"), Validator.required("tags", WireTags.read(body, "tags"))).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> untagResource(ApiRequest request) {
        JsonInput body = request.body();
        return tags.untag(body.string("resourceArn"), body.stringList("tagKeys")).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> listTagsForResource(ApiRequest request) {
        QueryInput query = request.query();
        return tags.list(query.string("resourceArn"), query.string("nextToken"))
                .thenApply(page -> new ListTagsForResourceResponse(WireTags.write(page.items()), page.nextCursor()));
    }
}
