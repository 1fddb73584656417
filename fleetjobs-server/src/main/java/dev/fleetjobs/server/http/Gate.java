package dev.fleetjobs.server.http;

import dev.fleetjobs.protocol.Plane;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a listener authenticates: who calls and for which plane, decided before routing, and then,
 * once the route and its labels are known, whether the caller may run it. Refusals are thrown (or
 * fail the future) as AWS errors.
 */
public interface Gate {

    /** What one request was admitted as. */
    interface Admission {

        Plane plane();

        /** Who asked, for the request log: an access key id or a thing name; never a secret. */
        default String principal() {
            return "-";
        }

        /** Completes when the caller may act with these path labels (the thing above all). */
        CompletableFuture<Void> authorize(Map<String, String> pathParams);
    }

    Admission admit(HttpServerRequest request, byte[] body);

    /** The plane whose error statuses answer a request refused before it was admitted. */
    Plane fallbackPlane();
}
