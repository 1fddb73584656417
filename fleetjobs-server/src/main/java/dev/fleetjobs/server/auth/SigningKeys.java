package dev.fleetjobs.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SigV4 key derivation and hashing, with a bounded cache of derived keys (one per key, day,
 * region and service). The event loops share the cache without a lock; the JCA objects, whose
 * lookup costs more than hashing a request, are kept per thread.
 */
final class SigningKeys {

    private static final int MAX_CACHED = 256;
    private static final HexFormat HEX = HexFormat.of();
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> algorithm("HmacSHA256", true));
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> algorithm("SHA-256", false));

    private final Map<CredentialScope, CachedKey> cache = new ConcurrentHashMap<>();

    /** The secret is kept beside the derived key so that a rotated secret misses the cache. */
    private record CachedKey(String secret, byte[] key) {
        @Override
        public String toString() {
            return "CachedKey[redacted]";
        }
    }

    byte[] signingKey(String secret, CredentialScope scope) {
        CachedKey cached = cache.get(scope);
        if (cached != null && cached.secret().equals(secret)) {
            return cached.key();
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, scope.terminator());
        if (cache.size() >= MAX_CACHED) {
            // Keys change with the day, so old entries are worthless: starting over is simpler than an LRU.
            cache.clear();
        }
        cache.put(scope, new CachedKey(secret, key));
        return key;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static String sha256Hex(byte[] data) {
        if (data.length == 0) {
            return EMPTY_SHA256;
        }
        MessageDigest digest = SHA256.get();
        digest.reset();
        return HEX.formatHex(digest.digest(data));
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }

    @SuppressWarnings("unchecked")
    private static <T> T algorithm(String name, boolean mac) {
        try {
            return (T) (mac ? Mac.getInstance(name) : MessageDigest.getInstance(name));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(name + " is missing from this JVM", e);
        }
    }
}
