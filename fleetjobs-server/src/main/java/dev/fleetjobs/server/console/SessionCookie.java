package dev.fleetjobs.server.console;

import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Locale;

/**
 * The console's session cookie: HttpOnly (scripts never see the token), SameSite=Strict (browsers
 * never send it with a request another site started), limited to {@code /console}, expiring with
 * the session, and Secure whenever the browser reached the server over TLS.
 */
final class SessionCookie {

    static final String NAME = "fleetjobs-console";

    private SessionCookie() {
    }

    static String token(HttpServerRequest request) {
        String header = request.getHeader("Cookie");
        if (header == null) {
            return null;
        }
        for (String pair : header.split(";")) {
            String trimmed = pair.trim();
            if (trimmed.startsWith(NAME + "=")) {
                return trimmed.substring(NAME.length() + 1);
            }
        }
        return null;
    }

    static String set(HttpServerRequest request, String token, Duration maxAge) {
        return NAME + "=" + token + "; Path=/console; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; SameSite=Strict" + secure(request);
    }

    static String clear(HttpServerRequest request) {
        return NAME + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict" + secure(request);
    }

    /** Over TLS here, or through a proxy that ended TLS and says so; a spoofed header can only make the cookie stricter. */
    private static String secure(HttpServerRequest request) {
        String forwarded = request.getHeader("X-Forwarded-Proto");
        boolean tls = request.isSSL() || (forwarded != null && forwarded.toLowerCase(Locale.ROOT).startsWith("https"));
        return tls ? "; Secure" : "";
    }
}
