package dev.fleetjobs.server.console;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.http.Gate;
import dev.fleetjobs.server.http.Json;
import dev.fleetjobs.server.http.PathFront;
import dev.fleetjobs.server.http.WireTime;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The web console under {@code /console}: its files, sign-in and sign-out at
 * {@code /console/session}, and {@code /console/api/<control-plane path>}, which runs the very
 * control-plane operation of that path, with the same route table and checks, as the session's
 * principal. So a role can do nothing in the console that it cannot do with SigV4.
 */
public final class ConsoleFront implements PathFront {

    static final String PREFIX = "/console";
    static final String API = PREFIX + "/api";
    static final String SESSION = PREFIX + "/session";

    private final ConsoleSessions sessions;
    private final ConsoleAssets assets = new ConsoleAssets();

    public ConsoleFront(ConsoleSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean claims(String rawPath) {
        return rawPath.equals(PREFIX) || rawPath.startsWith(PREFIX + "/");
    }

    @Override
    public void handle(HttpServerRequest request, byte[] body, String requestId, Edge edge) {
        String path = request.path();
        try {
            if (path.equals(API) || path.startsWith(API + "/")) {
                api(request, body, requestId, edge, path.substring(API.length()));
            } else if (path.equals(SESSION)) {
                session(request, body, requestId, edge);
            } else if (path.equals(PREFIX)) {
                ConsoleAssets.securityHeaders(request.response()).setStatusCode(301).putHeader("Location", PREFIX + "/").end();
            } else if (!assets.serve(request, path.substring(PREFIX.length() + 1))) {
                edge.fail(request, requestId, new ResourceNotFoundException("The console has no page at " + path + "."));
            }
        } catch (RuntimeException e) {
            edge.fail(request, requestId, e);
        }
    }

    private void api(HttpServerRequest request, byte[] body, String requestId, Edge edge, String controlPlanePath) {
        noStore(request);
        CrossSiteGuard.checkSite(request);
        String token = SessionCookie.token(request);
        whenDone(sessions.caller(token), (caller, failure) -> {
            if (failure != null) {
                edge.fail(request, requestId, failure);
                return;
            }
            try {
                CrossSiteGuard.checkToken(request, token);
            } catch (RuntimeException e) {
                edge.fail(request, requestId, e);
                return;
            }
            edge.route(request, requestId, body, admitted(), controlPlanePath);
        });
    }

    private void session(HttpServerRequest request, byte[] body, String requestId, Edge edge) {
        noStore(request);
        CrossSiteGuard.checkSite(request);
        String token = SessionCookie.token(request);
        if (request.method() == HttpMethod.POST) {
            CrossSiteGuard.checkJson(request);
            JsonNode json = credentials(body);
            whenDone(sessions.signIn(json.get("accessKeyId").asText(), json.get("secretAccessKey").asText()), (signedIn, failure) -> {
                if (failure != null) {
                    edge.fail(request, requestId, failure);
                    return;
                }
                request.response().putHeader("Set-Cookie", SessionCookie.set(request, signedIn.token(), sessions.lifetime()));
                edge.answer(request, requestId, describe(signedIn.accessKeyId(), signedIn.principal().role().name(),
                        signedIn.token(), signedIn.expiresAtMillis()));
            });
        } else if (request.method() == HttpMethod.GET) {
            whenDone(sessions.caller(token), (caller, failure) -> {
                if (failure != null) {
                    edge.fail(request, requestId, failure);
                } else {
                    edge.answer(request, requestId, describe(caller.accessKeyId(), caller.principal().role().name(), token,
                            caller.expiresAtMillis()));
                }
            });
        } else if (request.method() == HttpMethod.DELETE) {
            signOut(request, requestId, edge, token);
        } else {
            throw new InvalidRequestException("The console session takes POST (sign in), GET and DELETE (sign out).");
        }
    }

    /** Ends a live session (its anti-CSRF token required) and clears the cookie either way. */
    private void signOut(HttpServerRequest request, String requestId, Edge edge, String token) {
        CompletableFuture<Void> ended = sessions.caller(token).handle((caller, failure) -> failure == null)
                .thenCompose(live -> {
                    if (live) {
                        CrossSiteGuard.checkToken(request, token);
                        return sessions.signOut(token);
                    }
                    return CompletableFuture.completedFuture(null);
                });
        whenDone(ended, (ignored, failure) -> {
            if (failure != null) {
                edge.fail(request, requestId, failure);
                return;
            }
            request.response().putHeader("Set-Cookie", SessionCookie.clear(request));
            edge.answer(request, requestId, Map.of());
        });
    }

    private static JsonNode credentials(byte[] body) {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidRequestException("Sign-in takes a JSON object with accessKeyId and secretAccessKey.");
        }
        if (json == null || !json.isObject() || !json.path("accessKeyId").isTextual() || !json.path("secretAccessKey").isTextual()
                || json.get("accessKeyId").asText().isEmpty() || json.get("secretAccessKey").asText().isEmpty()) {
            throw new InvalidRequestException("Give both the access key ID and the secret access key.");
        }
        return json;
    }

    private static Map<String, Object> describe(String accessKeyId, String role, String token, long expiresAtMillis) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessKeyId", accessKeyId);
        body.put("role", role.toLowerCase(java.util.Locale.ROOT));
        body.put("csrfToken", SessionToken.csrf(token));
        body.put("expiresAt", WireTime.fractionalSeconds(expiresAtMillis));
        return body;
    }

    /** What the session's caller is admitted as: the control plane, where admins and operators may run every operation. */
    private static Gate.Admission admitted() {
        return new Gate.Admission() {
            @Override
            public Plane plane() {
                return Plane.CONTROL;
            }

            @Override
            public CompletableFuture<Void> authorize(Map<String, String> pathParams) {
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    private static void noStore(HttpServerRequest request) {
        ConsoleAssets.securityHeaders(request.response()).putHeader("Cache-Control", "no-store");
    }

    /** Runs {@code then} on the request's event loop once the store's future completes. */
    private static <T> void whenDone(CompletableFuture<T> future, BiConsumer<T, Throwable> then) {
        Context context = Vertx.currentContext();
        Executor loop = task -> context.runOnContext(ignored -> task.run());
        future.whenCompleteAsync(then, loop);
    }
}
