package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.Tag;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.AttributeUpdate;
import dev.fleetjobs.core.rules.ThingGroupRules;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.ThingGroupQuery;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Static thing groups: the hierarchy, membership with its limits (spec 4.5), and the continuous
 * jobs that follow membership changes.
 */
public final class ThingGroupService {

    /** Members removed per round when a group followed by continuous jobs is deleted. */
    private static final int DELETE_BATCH = 500;

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;
    private final ContinuousTargets continuous;

    public ThingGroupService(JobStore store, Clock clock, Arns arns) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
        this.continuous = new ContinuousTargets(arns);
    }

    /**
     * Creates a group, or answers with the existing one when it has the same parent and
     * properties (CreateThingGroup is idempotent); anything else is a conflict. A missing parent
     * is an InvalidRequest, the only client error the model lists for this operation.
     */
    public CompletableFuture<ThingGroup> create(String groupName, String parentName, String description, Map<String, String> attributes,
                                                List<Tag> tags) {
        Validator.thingName("thingGroupName", groupName);
        if (parentName != null) {
            Validator.thingName("parentGroupName", parentName);
        }
        validateProperties(description, attributes);
        List<Tag> validTags = Tags.validateForCreate(tags);
        Map<String, String> wanted = attributes == null ? Map.of() : attributes;
        return store.write(tx -> {
            Optional<ThingGroup> existing = tx.findThingGroup(groupName);
            if (existing.isPresent()) {
                ThingGroup group = existing.get();
                if (Objects.equals(group.parentName(), parentName) && Objects.equals(group.description(), description)
                        && group.attributes().equals(wanted)) {
                    return group;
                }
                throw new ResourceAlreadyExistsException("Thing group " + groupName + " already exists with a different configuration.",
                        group.groupId(), arns.thingGroup(groupName));
            }
            List<String> rootToParent = List.of();
            if (parentName != null) {
                ThingGroup parent = tx.findThingGroup(parentName).orElseThrow(() -> new InvalidRequestException(
                        "Parent thing group " + parentName + " cannot be found."));
                ThingGroupRules.checkNewChild(groupName, parent, tx.childGroupCount(parentName));
                rootToParent = parent.lineage();
            }
            ThingGroup group = new ThingGroup(groupName, UUID.randomUUID().toString(), rootToParent, description, wanted, 1,
                    clock.millis());
            tx.insertThingGroup(group);
            tx.putTags(arns.thingGroup(groupName), validTags);
            return group;
        });
    }

    public CompletableFuture<ThingGroup> describe(String groupName) {
        Validator.thingName("thingGroupName", groupName);
        return store.read(reader -> requireGroup(reader, groupName));
    }

    /**
     * Changes the description (kept when not given) and the attributes, replaced or, with
     * {@code merge}, merged; the version grows by one.
     *
     * @return the new version
     */
    public CompletableFuture<Long> update(String groupName, String description, Map<String, String> attributes, boolean merge,
                                          Long expectedVersion) {
        Validator.thingName("thingGroupName", groupName);
        Validator.attributes("thingGroupProperties.attributePayload.attributes", attributes, Integer.MAX_VALUE, "A thing group");
        return store.write(tx -> {
            ThingGroup group = requireGroup(tx, groupName);
            checkVersion(group, expectedVersion);
            Map<String, String> updatedAttributes = AttributeUpdate.apply(group.attributes(), attributes, merge);
            validateProperties(description, updatedAttributes);
            ThingGroup updated = group.updated(description != null ? description : group.description(), updatedAttributes);
            tx.updateThingGroup(updated);
            return updated.version();
        });
    }

    /**
     * Deletes a group that has no subgroups; deleting one that does not exist succeeds, as on
     * AWS. Its things leave it, so continuous jobs remove their pending executions.
     */
    public CompletableFuture<Void> delete(String groupName, Long expectedVersion) {
        Validator.thingName("thingGroupName", groupName);
        return store.write(tx -> {
            Optional<ThingGroup> found = tx.findThingGroup(groupName);
            if (found.isEmpty()) {
                return null;
            }
            ThingGroup group = found.get();
            checkVersion(group, expectedVersion);
            if (tx.childGroupCount(groupName) > 0) {
                throw new InvalidRequestException("Cannot delete thing group " + groupName
                        + " while it still has child groups; delete them first.");
            }
            if (continuous.followed(tx, group)) {
                long now = clock.millis();
                Page<String> members;
                do {
                    // Removed members leave the listing, so each round reads the first page again.
                    members = tx.thingsInGroup(groupName, false, Long.MAX_VALUE, null, DELETE_BATCH);
                    for (String thingName : members.items()) {
                        tx.removeThingFromGroup(groupName, thingName);
                        continuous.thingLeft(tx, group, thingName, tx.groupsOfThing(thingName), now);
                    }
                } while (members.nextCursor() != null);
            }
            tx.deleteThingGroup(groupName);
            tx.deleteTags(arns.thingGroup(groupName));
            return null;
        });
    }

    public CompletableFuture<Page<String>> list(ThingGroupQuery query, String cursor, int maxResults) {
        if (query.parentGroup() != null) {
            Validator.thingName("parentGroup", query.parentGroup());
        }
        if (query.namePrefix() != null) {
            Validator.thingName("namePrefixFilter", query.namePrefix());
        }
        return store.read(reader -> {
            if (query.parentGroup() != null) {
                requireGroup(reader, query.parentGroup());
            }
            return reader.thingGroupNames(query, cursor, maxResults);
        });
    }

    public CompletableFuture<Page<String>> listForThing(String thingName, String cursor, int maxResults) {
        Validator.thingName("thingName", thingName);
        return store.read(reader -> {
            reader.findThing(thingName).orElseThrow(() -> NotFound.thing(thingName));
            return reader.groupNamesOfThing(thingName, cursor, maxResults);
        });
    }

    public CompletableFuture<Page<String>> listThings(String groupName, boolean recursive, String cursor, int maxResults) {
        Validator.thingName("thingGroupName", groupName);
        return store.read(reader -> {
            requireGroup(reader, groupName);
            return reader.thingsInGroup(groupName, recursive, Long.MAX_VALUE, cursor, maxResults);
        });
    }

    /**
     * Adds the thing to the group; adding it again changes nothing. A thing is in at most ten
     * groups and in one group per hierarchy. Continuous jobs that now reach it give it an execution.
     */
    public CompletableFuture<Void> addThing(String groupName, String thingName) {
        return store.write(tx -> {
            ThingGroup group = requireGroup(tx, groupName);
            tx.findThing(thingName).orElseThrow(() -> NotFound.thing(thingName));
            List<ThingGroup> before = tx.groupsOfThing(thingName);
            if (ThingGroupRules.mayJoin(thingName, group, before)) {
                tx.addThingToGroup(groupName, thingName);
                continuous.thingJoined(tx, group, thingName, before, clock.millis());
            }
            return null;
        });
    }

    /** Removes the thing from the group; a thing that is not in it stays as it is. */
    public CompletableFuture<Void> removeThing(String groupName, String thingName) {
        return store.write(tx -> {
            ThingGroup group = requireGroup(tx, groupName);
            tx.findThing(thingName).orElseThrow(() -> NotFound.thing(thingName));
            if (tx.removeThingFromGroup(groupName, thingName)) {
                continuous.thingLeft(tx, group, thingName, tx.groupsOfThing(thingName), clock.millis());
            }
            return null;
        });
    }

    private static ThingGroup requireGroup(StoreReader reader, String groupName) {
        return reader.findThingGroup(groupName).orElseThrow(() -> NotFound.thingGroup(groupName));
    }

    private static void checkVersion(ThingGroup group, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != group.version()) {
            throw new VersionConflictException("The expected version " + expectedVersion + " does not match the current version "
                    + group.version() + " of thing group " + group.groupName() + ".", null);
        }
    }

    private static void validateProperties(String description, Map<String, String> attributes) {
        if (description != null) {
            Validator.length("thingGroupProperties.thingGroupDescription", description, 0, Constraints.DESCRIPTION_MAX);
            Validator.pattern("thingGroupProperties.thingGroupDescription", description, Constraints.GROUP_DESCRIPTION);
        }
        Validator.attributes("thingGroupProperties.attributePayload.attributes", attributes, Constraints.GROUP_ATTRIBUTES_MAX,
                "A thing group");
    }
}
