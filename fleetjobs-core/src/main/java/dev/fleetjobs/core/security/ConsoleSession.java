package dev.fleetjobs.core.security;

import java.util.Objects;

/**
 * A signed-in session of the web console. The browser holds a random token; only its hash is
 * kept, so the stored row cannot be turned back into a working cookie.
 *
 * @param tokenHash    the SHA-256 of the cookie's token, as hex
 * @param accessKeyId  the key that signed in: its role and revocation are checked on every request
 */
public record ConsoleSession(String tokenHash, String accessKeyId, long createdAtMillis, long expiresAtMillis) {

    public ConsoleSession {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAtMillis;
    }
}
