package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.validation.Constraints;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.Page;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The thing registry operations that jobs need (spec 4.5). */
public final class ThingService {

    private final JobStore store;
    private final Clock clock;

    public ThingService(JobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
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
        if (thingTypeName != null) {
            Validator.thingName("thingTypeName", thingTypeName);
            throw new ResourceNotFoundException("Thing type " + thingTypeName + " is not registered.");
        }
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

    public CompletableFuture<Page<Thing>> list(String cursor, int maxResults) {
        return store.read(reader -> reader.things(cursor, maxResults));
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
            return null;
        });
    }

    private static void validateAttributes(Map<String, String> attributes) {
        if (attributes == null) {
            return;
        }
        if (attributes.size() > Constraints.ATTRIBUTES_MAX) {
            throw Validator.invalid("attributePayload.attributes", null,
                    "A thing without a thing type may have at most " + Constraints.ATTRIBUTES_MAX + " attributes");
        }
        for (Map.Entry<String, String> entry : attributes.entrySet()) {
            Validator.name("attributePayload.attributes.key", entry.getKey(), Constraints.ATTRIBUTE_NAME, Constraints.ATTRIBUTE_NAME_MAX);
            String field = "attributePayload.attributes." + entry.getKey();
            Validator.required(field, entry.getValue());
            Validator.length(field, entry.getValue(), 0, Constraints.ATTRIBUTE_VALUE_MAX);
            Validator.pattern(field, entry.getValue(), Constraints.ATTRIBUTE_VALUE);
        }
    }
}
