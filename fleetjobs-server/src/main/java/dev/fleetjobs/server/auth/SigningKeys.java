package dev.fleetjobs.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SigV4 key derivation and hashing, with a small LRU of derived keys (one per key, day, region, service). */
final class SigningKeys {

    private static final int MAX_CACHED = 256;
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, CachedKey> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedKey> eldest) {
            return size() > MAX_CACHED;
        }
    };

    /** The secret is kept beside the derived key so that a rotated secret misses the cache. */
    private record CachedKey(String secret, byte[] key) {
        @Override
        public String toString() {
            return "CachedKey[redacted]";
        }
    }

    byte[] signingKey(String secret, CredentialScope scope) {
        String cacheKey = scope.accessKeyId() + '/' + scope.date() + '/' + scope.region() + '/' + scope.service();
        synchronized (cache) {
            CachedKey cached = cache.get(cacheKey);
            if (cached != null && cached.secret().equals(secret)) {
                return cached.key();
            }
        }
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        key = hmac(key, scope.region());
        key = hmac(key, scope.service());
        key = hmac(key, scope.terminator());
        synchronized (cache) {
            cache.put(cacheKey, new CachedKey(secret, key));
        }
        return key;
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String hex(byte[] data) {
        return HEX.formatHex(data);
    }
}
