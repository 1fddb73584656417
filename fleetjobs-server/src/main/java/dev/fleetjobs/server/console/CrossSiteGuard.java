package dev.fleetjobs.server.console;

import dev.fleetjobs.server.auth.AccessDeniedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Refuses console requests another site makes a browser send. The session cookie is
 * {@code SameSite=Strict}, so browsers do not attach it to cross-site requests at all; on top of
 * that, a request the browser marks as coming from another site ({@code Sec-Fetch-Site}) is
 * refused, a state-changing request must come from this very origin ({@code Origin}, which
 * browsers always send with one) and carry the anti-CSRF token in {@value #CSRF_HEADER}, which
 * only the console's own pages can read. Sign-in must be JSON, which a cross-site form cannot send
 * without the browser asking first (CORS), and this server never allows it.
 */
final class CrossSiteGuard {

    static final String CSRF_HEADER = "X-Fleetjobs-Csrf";

    private CrossSiteGuard() {
    }

    static boolean changesState(HttpServerRequest request) {
        HttpMethod method = request.method();
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    /** Checks every console API and session request; state-changing ones must also come from this origin. */
    static void checkSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !(site.equalsIgnoreCase("none") && !changesState(request))) {
            throw refused("the browser says it came from another site (Sec-Fetch-Site: " + site + ")");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            if (changesState(request)) {
                throw refused("it names no Origin");
            }
            return;
        }
        if (!sameOrigin(origin, request.getHeader("Host"))) {
            throw refused("it came from " + origin);
        }
    }

    /** Checks the anti-CSRF header of a state-changing request against the session's token. */
    static void checkToken(HttpServerRequest request, String sessionToken) {
        if (changesState(request) && !SessionToken.same(SessionToken.csrf(sessionToken), request.getHeader(CSRF_HEADER))) {
            throw refused("its " + CSRF_HEADER + " header is missing or wrong");
        }
    }

    /** Sign-in is JSON only: a form on another site can post form data, never JSON, without a CORS preflight. */
    static void checkJson(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw refused("sign-in takes application/json");
        }
    }

    /** The Origin's host and port against the Host header (a TLS-terminating proxy keeps Host, changes the scheme). */
    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return false;
            }
            String authority = uri.getRawAuthority();
            return authority.equalsIgnoreCase(host) || withDefaultPort(uri).equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withDefaultPort(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    private static AccessDeniedException refused(String why) {
        return new AccessDeniedException("Cross-site request refused: " + why + ".");
    }
}
