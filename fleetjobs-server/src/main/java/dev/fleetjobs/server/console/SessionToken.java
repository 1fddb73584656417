package dev.fleetjobs.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a console session cookie carries: 256 random bits. The store keeps only its hash;
 * the anti-CSRF token is another hash of it, which a page can show to its own scripts but which
 * no other site can compute, since it cannot read the HttpOnly cookie.
 */
final class SessionToken {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] CSRF_PURPOSE = "fleetjobs console anti-CSRF token\0".getBytes(StandardCharsets.UTF_8);

    private SessionToken() {
    }

    static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What the store keeps: hex SHA-256 of the token. */
    static String hash(String token) {
        return HexFormat.of().formatHex(sha256(new byte[0], token));
    }

    /** What the console's scripts send back in the anti-CSRF header with every state-changing request. */
    static String csrf(String token) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(CSRF_PURPOSE, token));
    }

    /** Constant-time comparison of two texts. */
    static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the text has the shape of a token (so that nothing else reaches the store). */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    private static byte[] sha256(byte[] prefix, String token) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(prefix);
            return digest.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
