package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.rules.AttributeUpdate;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.ThingQuery;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The thing registry operations that jobs need (spec 4.5); groups are in {@link ThingGroupService}. */
public final class ThingService {

    private final JobStore store;
    private final Clock clock;
    private final Arns arns;

    public ThingService(JobStore store, Clock clock, Arns arns) {
        this.store = store;
        this.clock = clock;
        this.arns = arns;
    }

    /**
     * Creates a thing, or answers with the existing one when it has the same configuration
     * (CreateThing is idempotent); a different configuration is a conflict.
     *
     * @param thingTypeName   there are no thing types here yet, so any name is one that does not exist
     * @param billingGroupName likewise
     */
    public CompletableFuture<Thing> create(String thingName, Map<String, String> attributes, String thingTypeName,
                                           String billingGroupName) {
        Validator.thingName("thingName", thingName);
        validateAttributes(attributes);
        refuseThingType(thingTypeName);
        if (billingGroupName != null) {
            throw new ResourceNotFoundException("Billing group " + billingGroupName + " cannot be found.");
        }
        Map<String, String> wanted = attributes == null ? Map.of() : attributes;
        return store.write(tx -> {
            Optional<Thing> existing = tx.findThing(thingName);
            if (existing.isPresent()) {
                if (existing.get().attributes().equals(wanted)) {
                    return existing.get();
                }
                throw new ResourceAlreadyExistsException("Thing " + thingName + " already exists with different attributes",
                        thingName, null);
            }
            Thing thing = new Thing(thingName, UUID.randomUUID().toString(), wanted, 1, clock.millis());
            tx.insertThing(thing);
            return thing;
        });
    }

    public CompletableFuture<Thing> describe(String thingName) {
        Validator.thingName("thingName", thingName);
        return store.read(reader -> reader.findThing(thingName).orElseThrow(() -> NotFound.thing(thingName)));
    }

    public CompletableFuture<Page<Thing>> list(ThingQuery query, String cursor, int maxResults) {
        if (query.attributeName() != null) {
            Validator.name("attributeName", query.attributeName(), Constraints.ATTRIBUTE_NAME, Constraints.ATTRIBUTE_NAME_MAX);
        } else if (query.attributeValue() != null) {
            throw Validator.invalid("attributeName", null, "Member must not be null when attributeValue is given");
        }
        if (query.attributeValue() != null) {
            Validator.length("attributeValue", query.attributeValue(), 0, Constraints.ATTRIBUTE_VALUE_MAX);
            Validator.pattern("attributeValue", query.attributeValue(), Constraints.ATTRIBUTE_VALUE);
        }
        return store.read(reader -> reader.things(query, cursor, maxResults));
    }

    /**
     * Changes the thing's attributes, replacing them or, with {@code merge}, merging into them
     * (an empty value removes an attribute); the version grows by one.
     *
     * @param attributes  null leaves them as they are
     */
    public CompletableFuture<Thing> update(String thingName, Map<String, String> attributes, boolean merge, String thingTypeName,
                                           Long expectedVersion) {
        Validator.thingName("thingName", thingName);
        // The count is checked on the result: a merge may add as many as it removes.
        Validator.attributes("attributePayload.attributes", attributes, Integer.MAX_VALUE, "A thing");
        refuseThingType(thingTypeName);
        return store.write(tx -> {
            Thing thing = tx.findThing(thingName).orElseThrow(() -> NotFound.thing(thingName));
            if (expectedVersion != null && expectedVersion != thing.version()) {
                throw new VersionConflictException("The expected version " + expectedVersion
                        + " does not match the current version " + thing.version() + " of thing " + thingName + ".", null);
            }
            Map<String, String> updated = AttributeUpdate.apply(thing.attributes(), attributes, merge);
            validateAttributes(updated);
            Thing changed = thing.withAttributes(updated);
            tx.updateThing(changed);
            return changed;
        });
    }

    /**
     * Deletes a thing; deleting one that does not exist succeeds, as on AWS. Its pending
     * executions become REMOVED. A thing with attached certificates stays, as on AWS.
     */
    public CompletableFuture<Void> delete(String thingName, Long expectedVersion) {
        Validator.thingName("thingName", thingName);
        return store.write(tx -> {
            Optional<Thing> thing = tx.findThing(thingName);
            if (thing.isEmpty()) {
                return null;
            }
            if (expectedVersion != null && expectedVersion != thing.get().version()) {
                throw new VersionConflictException("The expected version " + expectedVersion
                        + " does not match the current version " + thing.get().version() + " of thing " + thingName + ".", null);
            }
            if (tx.hasPrincipals(thingName)) {
                throw new InvalidRequestException("Cannot delete. Thing " + thingName + " is still attached to one or more principals");
            }
            long now = clock.millis();
            for (JobExecution pending : tx.pendingExecutions(thingName, Integer.MAX_VALUE)) {
                ExecutionChanges.change(tx, pending.withServiceStatus(ExecutionStatus.REMOVED, false, null, now), now);
            }
            tx.deleteThing(thingName);
            tx.deleteTags(arns.thing(thingName));
            return null;
        });
    }

    private static void validateAttributes(Map<String, String> attributes) {
        Validator.attributes("attributePayload.attributes", attributes, Constraints.ATTRIBUTES_MAX, "A thing without a thing type");
    }

    /** There are no thing types here yet, so any name is one that does not exist. */
    private static void refuseThingType(String thingTypeName) {
        if (thingTypeName != null) {
            Validator.thingName("thingTypeName", thingTypeName);
            throw new ResourceNotFoundException("Thing type " + thingTypeName + " is not registered.");
        }
    }
}
