package dev.fleetjobs.sdk.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Hooks around each call, for logging, metrics, tracing headers or tests. All methods have
 * defaults, so an interceptor overrides only what it needs. An exception thrown from a hook ends
 * the call with that exception.
 */
public interface Interceptor {

    /** Once per call, before signing: the place to add or change headers that should be signed. */
    default WireRequest modifyRequest(WireRequest request) {
        return request;
    }

    /** Before each attempt is sent (1 for the first), signed as it will go out. */
    default void beforeTransmission(HttpRequest request, byte[] body, int attempt) {
    }

    /** After each attempt that got an answer, whatever its status. */
    default void afterResponse(HttpRequest request, HttpResponse<byte[]> response, int attempt) {
    }

    /** After each attempt that got no answer. */
    default void onTransportFailure(HttpRequest request, Throwable failure, int attempt) {
    }
}
