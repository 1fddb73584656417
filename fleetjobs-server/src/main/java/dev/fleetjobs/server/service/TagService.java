package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.LimitExceededException;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Tags on jobs, job templates, things and thing groups. Tags are kept under this server's ARN of
 * the resource, so any region or account written in the ARN finds them.
 */
public final class TagService {

    /** ListTagsForResource has no maxResults; a page holds every tag a resource may have. */
    private static final int PAGE_SIZE = Constraints.TAGS_MAX;

    private final JobStore store;
    private final Arns arns;

    public TagService(JobStore store, Arns arns) {
        this.store = store;
        this.arns = arns;
    }

    /** Adds the tags, replacing the value of a key the resource has; a resource carries at most fifty tags. */
    public CompletableFuture<Void> tag(String resourceArn, List<Tag> tags) {
        ResourceArn resource = arns.resource("resourceArn", resourceArn);
        Validator.required("tags", tags);
        Validator.tags("tags", tags);
        String key = arns.of(resource);
        return store.write(tx -> {
            requireResource(tx, resource);
            Set<String> keys = new HashSet<>();
            tx.tags(key, null, PAGE_SIZE).items().forEach(t -> keys.add(t.key()));
            tags.forEach(t -> keys.add(t.key()));
            if (keys.size() > Constraints.TAGS_MAX) {
                throw new LimitExceededException("A resource may have at most " + Constraints.TAGS_MAX + " tags; "
                        + resourceArn + " would have " + keys.size() + ".");
            }
            tx.putTags(key, tags);
            return null;
        });
    }

    public CompletableFuture<Void> untag(String resourceArn, List<String> tagKeys) {
        ResourceArn resource = arns.resource("resourceArn", resourceArn);
        Validator.required("tagKeys", tagKeys);
        for (int i = 0; i < tagKeys.size(); i++) {
            Validator.name("tagKeys." + (i + 1) + ".member", tagKeys.get(i), Constraints.TAG_KEY, Constraints.TAG_KEY_MAX);
        }
        return store.write(tx -> {
            requireResource(tx, resource);
            tx.removeTags(arns.of(resource), tagKeys);
            return null;
        });
    }

    public CompletableFuture<Page<Tag>> list(String resourceArn, String cursor) {
        ResourceArn resource = arns.resource("resourceArn", resourceArn);
        return store.read(reader -> {
            requireResource(reader, resource);
            return reader.tags(arns.of(resource), cursor, PAGE_SIZE);
        });
    }

    private static void requireResource(StoreReader reader, ResourceArn resource) {
        boolean exists = switch (resource.type()) {
            case THING -> reader.findThing(resource.name()).isPresent();
            case THING_GROUP -> reader.findThingGroup(resource.name()).isPresent();
            case JOB -> reader.findJob(resource.name()).isPresent();
            case JOB_TEMPLATE -> reader.findJobTemplate(resource.name()).isPresent();
        };
        if (!exists) {
            throw switch (resource.type()) {
                case THING -> NotFound.thing(resource.name());
                case THING_GROUP -> NotFound.thingGroup(resource.name());
                case JOB -> NotFound.job(resource.name());
                case JOB_TEMPLATE -> NotFound.jobTemplate(resource.name());
            };
        }
    }
}
