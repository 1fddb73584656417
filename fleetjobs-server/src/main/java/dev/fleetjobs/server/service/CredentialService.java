package dev.fleetjobs.server.service;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.core.security.ThingPattern;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.auth.KeyMaterial;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.store.SecurityStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Access keys besides the root key: made with a role (and, for devices, a thing pattern), listed,
 * revoked. Secrets are sealed before they reach the store. A running server picks changes up
 * within its refresh interval, also when another process made them.
 */
public final class CredentialService {

    private static final int DESCRIPTION_MAX = 256;

    private final SecurityStore store;
    private final SecretBox box;
    private final Clock clock;

    public CredentialService(SecurityStore store, SecretBox box, Clock clock) {
        this.store = store;
        this.box = box;
        this.clock = clock;
    }

    /** @param thingPattern required for DEVICE keys, refused for the others */
    public CompletableFuture<NewAccessKey> add(Role role, String thingPattern, String description) {
        Validator.required("role", role);
        if ((role == Role.DEVICE) != (thingPattern != null)) {
            throw Validator.invalid("things", thingPattern, role == Role.DEVICE
                    ? "Device keys need a thing pattern" : "Only device keys take a thing pattern");
        }
        ThingPattern pattern = thingPattern == null ? null : new ThingPattern(thingPattern);
        Validator.optionalText("description", description, DESCRIPTION_MAX);
        String accessKeyId = KeyMaterial.newAccessKeyId();
        String secret = KeyMaterial.newSecretAccessKey();
        AccessKey key = new AccessKey(accessKeyId, box.seal(secret, accessKeyId), role, pattern, description, clock.millis(), null);
        return store.write(tx -> {
            tx.insertAccessKey(key);
            return new NewAccessKey(key, secret);
        });
    }

    public CompletableFuture<List<AccessKey>> list() {
        return store.read(reader -> reader.accessKeys());
    }

    /** Revokes a key; false when there is no such key. Revoking twice keeps the first revocation time. */
    public CompletableFuture<Boolean> revoke(String accessKeyId) {
        Validator.required("accessKeyId", accessKeyId);
        return store.write(tx -> tx.findAccessKey(accessKeyId).map(key -> {
            if (!key.revoked()) {
                tx.updateAccessKey(key.revokedAt(clock.millis()));
            }
            return true;
        }).orElse(false));
    }
}
