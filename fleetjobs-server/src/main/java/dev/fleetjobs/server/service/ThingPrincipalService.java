package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.store.Page;
import dev.fleetjobs.store.SecurityReader;
import dev.fleetjobs.store.SecurityStore;
import java.util.concurrent.CompletableFuture;

/** Which certificates act for which things: AttachThingPrincipal and its kin. Principals are certificate ARNs. */
public final class ThingPrincipalService {

    private final SecurityStore store;
    private final Arns arns;

    public ThingPrincipalService(SecurityStore store, Arns arns) {
        this.store = store;
        this.arns = arns;
    }

    /** @param exclusive EXCLUSIVE_THING: the certificate may then be attached to this thing only */
    public CompletableFuture<Void> attach(String thingName, String principal, boolean exclusive) {
        Validator.thingName("thingName", thingName);
        String certificateId = arns.certificateIdOfPrincipal("principal", principal);
        return store.write(tx -> {
            requireBoth(tx, thingName, certificateId);
            if (exclusive) {
                for (String other : tx.thingsOfCertificate(certificateId, null, 2).items()) {
                    if (!other.equals(thingName)) {
                        throw new InvalidRequestException("The principal is already attached to thing " + other
                                + " and cannot be attached exclusively to " + thingName + ".");
                    }
                }
            }
            tx.attach(thingName, certificateId);
            return null;
        });
    }

    public CompletableFuture<Void> detach(String thingName, String principal) {
        Validator.thingName("thingName", thingName);
        String certificateId = arns.certificateIdOfPrincipal("principal", principal);
        return store.write(tx -> {
            requireBoth(tx, thingName, certificateId);
            tx.detach(thingName, certificateId);
            return null;
        });
    }

    /** The ARNs of the certificates attached to a thing. */
    public CompletableFuture<Page<String>> principalsOf(String thingName, String nextToken, int maxResults) {
        Validator.thingName("thingName", thingName);
        return store.read(reader -> {
            if (!reader.thingExists(thingName)) {
                throw NotFound.thing(thingName);
            }
            Page<String> ids = reader.certificatesOfThing(thingName, nextToken, maxResults);
            return new Page<>(ids.items().stream().map(arns::certificate).toList(), ids.nextCursor());
        });
    }

    /** The names of the things a certificate is attached to. */
    public CompletableFuture<Page<String>> thingsOf(String principal, String nextToken, int maxResults) {
        String certificateId = arns.certificateIdOfPrincipal("principal", principal);
        return store.read(reader -> {
            if (reader.findCertificate(certificateId).isEmpty()) {
                throw CertificateService.notFound(certificateId);
            }
            return reader.thingsOfCertificate(certificateId, nextToken, maxResults);
        });
    }

    private static void requireBoth(SecurityReader reader, String thingName, String certificateId) {
        if (!reader.thingExists(thingName)) {
            throw NotFound.thing(thingName);
        }
        if (reader.findCertificate(certificateId).isEmpty()) {
            throw CertificateService.notFound(certificateId);
        }
    }
}
