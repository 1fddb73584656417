package dev.fleetjobs.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** One request on its way through the edge: what it is called once routed, and who asked; reports itself when answered. */
final class RequestTrace implements Handler<Void> {

    /** nginx's code for a client that went away before its answer. */
    private static final int CLIENT_CLOSED = 499;

    private final HttpServerRequest request;
    private final long started = System.nanoTime();
    String requestId = "-";
    RequestObserver.Series series;
    String principal = "-";

    RequestTrace(HttpServerRequest request, RequestObserver.Series series) {
        this.request = request;
        this.series = series;
        request.response().endHandler(this);
    }

    @Override
    public void handle(Void ended) {
        HttpServerResponse response = request.response();
        int status = response.ended() ? response.getStatusCode() : CLIENT_CLOSED;
        String errorType = status >= 400 ? response.headers().get("x-amzn-ErrorType") : null;
        series.answered(requestId, principal, status, errorType, System.nanoTime() - started);
    }
}
