package dev.fleetjobs.server.http;

import io.vertx.core.http.HttpServerRequest;

/**
 * Something served beside the API on a listener, under paths of its own (the web console under
 * {@code /console}). The edge reads the body within its limits and refuses requests while
 * draining as usual, then hands the request over; the front may route it into the control plane
 * as an admitted caller through {@link Edge#route}, so every operation keeps one implementation
 * and one authorization.
 */
public interface PathFront {

    /** Whether this front serves the raw path. */
    boolean claims(String rawPath);

    void handle(HttpServerRequest request, byte[] body, String requestId, Edge edge);

    /** What the edge does for a front. */
    interface Edge {

        /** Routes as the edge routes an admitted request, on {@code rawPath} instead of the request's own path. */
        void route(HttpServerRequest request, String requestId, byte[] body, Gate.Admission admission, String rawPath);

        /** Answers 200 with the JSON of {@code result}. */
        void answer(HttpServerRequest request, String requestId, Object result);

        /** Answers with the AWS error shape of the failure. */
        void fail(HttpServerRequest request, String requestId, Throwable failure);
    }
}
