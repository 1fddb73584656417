package dev.fleetjobs.server.http;

import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.auth.InvalidSignatureException;
import dev.fleetjobs.server.auth.Principal;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.auth.SignedRequest;
import dev.fleetjobs.server.auth.VerifiedRequest;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The main listener's gate: SigV4 (header or presigned) verified on the raw request; the
 * signing name picks the plane; the key's role must allow that plane, and a device key the thing.
 */
public final class SignatureGate implements Gate {

    private final SigV4Verifier verifier;
    private final AccessKeyRegistry keys;

    public SignatureGate(SigV4Verifier verifier, AccessKeyRegistry keys) {
        this.verifier = verifier;
        this.keys = keys;
    }

    @Override
    public Admission admit(HttpServerRequest request, byte[] body) {
        VerifiedRequest caller = verifier.verify(new SignedRequest(request.method().name(), request.path(), request.query(),
                headers(request), body));
        Plane plane = Plane.forSigningName(caller.service());
        if (plane == null) {
            throw new InvalidSignatureException("Credential should be scoped to correct service: 'iot' or 'iot-jobs-data'.");
        }
        Principal principal = keys.principal(caller.accessKeyId());
        principal.checkPlane(plane);
        return new Admission() {
            @Override
            public Plane plane() {
                return plane;
            }

            @Override
            public String principal() {
                return caller.accessKeyId();
            }

            @Override
            public CompletableFuture<Void> authorize(Map<String, String> pathParams) {
                if (plane == Plane.DATA) {
                    principal.checkThing(pathParams.get("thingName"));
                }
                return CompletableFuture.completedFuture(null);
            }
        };
    }

    @Override
    public Plane fallbackPlane() {
        return Plane.CONTROL;
    }

    static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 (also h2c, which the JDK client asks for) carries the host as :authority; it is what was signed as host.
            headers.put("host", List.of(request.authority().toString()));
        }
        return headers;
    }
}
