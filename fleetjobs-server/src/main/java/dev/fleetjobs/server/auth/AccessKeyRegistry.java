package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.security.AccessKey;
import dev.fleetjobs.core.security.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access keys a running server accepts, in memory: SigV4 is verified on the event loop, which
 * must not wait for the database. The root key is fixed; the others are replaced as a whole each
 * time the stored keys change ({@link SecurityRefresher}). Revoked keys are simply absent.
 */
public final class AccessKeyRegistry implements CredentialsLookup, AccessKeyLogin {

    private static final Logger LOG = LoggerFactory.getLogger(AccessKeyRegistry.class);

    private record Entry(String secret, Principal principal) {
        @Override
        public String toString() {
            return "Entry[" + principal + ", secret hidden]";
        }
    }

    /** Compared against when the key is unknown, so that a miss takes as long as a wrong secret. */
    private static final byte[] UNKNOWN_KEY_SECRET = new byte[40];

    private final String rootAccessKeyId;
    private final Entry root;
    private final String accountId;
    private volatile Map<String, Entry> keys = Map.of();

    public AccessKeyRegistry(String rootAccessKeyId, String rootSecretAccessKey, String accountId) {
        this.rootAccessKeyId = rootAccessKeyId;
        this.root = new Entry(rootSecretAccessKey, new Principal("arn:aws:iam::" + accountId + ":root", Role.ADMIN, null));
        this.accountId = accountId;
    }

    @Override
    public Optional<String> secretKeyFor(String accessKeyId) {
        return entry(accessKeyId).map(Entry::secret);
    }

    /** The principal of a key whose signature verified; a key revoked in the meantime is unknown. */
    public Principal principal(String accessKeyId) {
        return entry(accessKeyId).map(Entry::principal)
                .orElseThrow(() -> new UnrecognizedClientException("The security token included in the request is invalid."));
    }

    @Override
    public Optional<Principal> login(String accessKeyId, byte[] secret) {
        Optional<Entry> entry = entry(accessKeyId);
        byte[] expected = entry.map(e -> e.secret().getBytes(StandardCharsets.UTF_8)).orElse(UNKNOWN_KEY_SECRET);
        boolean matches = MessageDigest.isEqual(expected, secret);
        return matches && entry.isPresent() ? entry.map(Entry::principal) : Optional.empty();
    }

    /** Replaces the stored keys with {@code stored}, opening their secrets; a key whose secret does not open is left out. */
    public void replace(List<AccessKey> stored, SecretBox box) {
        Map<String, Entry> fresh = new HashMap<>();
        for (AccessKey key : stored) {
            if (key.revoked() || key.accessKeyId().equals(rootAccessKeyId)) {
                continue;
            }
            try {
                String secret = box.open(key.sealedSecret(), key.accessKeyId());
                fresh.put(key.accessKeyId(), new Entry(secret, new Principal(
                        "arn:aws:iam::" + accountId + ":user/" + key.accessKeyId(), key.role(), key.thingPattern())));
            } catch (IllegalArgumentException e) {
                LOG.warn("Access key {} is ignored: its secret does not open with this data directory's key", key.accessKeyId());
            }
        }
        keys = Map.copyOf(fresh);
    }

    private Optional<Entry> entry(String accessKeyId) {
        if (accessKeyId.equals(rootAccessKeyId)) {
            return Optional.of(root);
        }
        return Optional.ofNullable(keys.get(accessKeyId));
    }
}
