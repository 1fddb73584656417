package dev.fleetjobs.server.console;

import dev.fleetjobs.core.security.ConsoleSession;
import dev.fleetjobs.core.security.Role;
import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.auth.AccessDeniedException;
import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.auth.Principal;
import dev.fleetjobs.server.auth.UnrecognizedClientException;
import dev.fleetjobs.store.JobStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Signs people in to the console with an access key, and tells who a session cookie belongs to.
 * Sessions are rows in the shared store, so every node sharing the database knows them and
 * sign-out ends a session everywhere; the key is looked up in the in-memory registry on every
 * request, so a revoked key's sessions end within the registry's refresh interval.
 */
public final class ConsoleSessions {

    static final String WRONG_CREDENTIALS = "The access key ID or the secret access key is not right.";

    private final JobStore store;
    private final AccessKeyRegistry keys;
    private final Clock clock;
    private final Duration lifetime;

    /** @param clock  the real clock (never the movable job clock of --dev) */
    public ConsoleSessions(JobStore store, AccessKeyRegistry keys, Clock clock, Duration lifetime) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new session: its cookie token, principal and expiry. */
    record SignedIn(String token, String accessKeyId, Principal principal, long expiresAtMillis) {
    }

    /** A live session's caller. */
    record Caller(String accessKeyId, Principal principal, long expiresAtMillis) {
    }

    Duration lifetime() {
        return lifetime;
    }

    /** Checks the secret (in constant time) and the key's role, then stores a new session. */
    CompletableFuture<SignedIn> signIn(String accessKeyId, String secretAccessKey) {
        // The registry compares in constant time, also for an unknown key, so the timing does not tell which keys exist.
        Optional<Principal> signedIn = keys.login(accessKeyId, secretAccessKey.getBytes(StandardCharsets.UTF_8));
        if (signedIn.isEmpty()) {
            return CompletableFuture.failedFuture(new UnauthorizedException(WRONG_CREDENTIALS));
        }
        Principal principal = signedIn.get();
        if (principal.role() == Role.DEVICE) {
            return CompletableFuture.failedFuture(new AccessDeniedException(
                    "A device key cannot sign in to the console: use the root key or a key with the admin or operator role."));
        }
        String token = SessionToken.fresh();
        long now = clock.millis();
        ConsoleSession session = new ConsoleSession(SessionToken.hash(token), accessKeyId, now, now + lifetime.toMillis());
        return store.write(tx -> {
            tx.deleteExpiredConsoleSessions(now);
            tx.insertConsoleSession(session);
            return new SignedIn(token, accessKeyId, principal, session.expiresAtMillis());
        });
    }

    /** The caller of a live session; fails with UnauthorizedException when the session ended or its key was revoked. */
    CompletableFuture<Caller> caller(String token) {
        if (!SessionToken.wellFormed(token)) {
            return CompletableFuture.failedFuture(new UnauthorizedException("Sign in to the console first."));
        }
        return store.read(r -> r.findConsoleSession(SessionToken.hash(token))).thenApply(found -> {
            ConsoleSession session = found.filter(s -> !s.expiredAt(clock.millis()))
                    .orElseThrow(() -> new UnauthorizedException("Your console session has ended: sign in again."));
            Principal principal;
            try {
                principal = keys.principal(session.accessKeyId());
            } catch (UnrecognizedClientException e) {
                throw new UnauthorizedException("The access key of this console session was revoked: sign in with another key.");
            }
            principal.checkPlane(Plane.CONTROL);
            return new Caller(session.accessKeyId(), principal, session.expiresAtMillis());
        });
    }

    /** Ends the session; a token that names none is fine (signing out twice). */
    CompletableFuture<Void> signOut(String token) {
        if (!SessionToken.wellFormed(token)) {
            return CompletableFuture.completedFuture(null);
        }
        return store.write(tx -> tx.deleteConsoleSession(SessionToken.hash(token))).thenApply(deleted -> null);
    }
}
