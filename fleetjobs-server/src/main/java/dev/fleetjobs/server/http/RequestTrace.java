package dev.fleetjobs.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * One request on its way through the edge: what it is called once routed, and who asked; reports
 * itself when the last byte of its answer is written. It listens on the response's body-end
 * handler: the end handler belongs to the connection guard, and a response has one of each.
 */
final class RequestTrace implements Handler<Void> {

    private final HttpServerRequest request;
    private final long started = System.nanoTime();
    String requestId = "-";
    RequestObserver.Series series;
    String principal = "-";

    RequestTrace(HttpServerRequest request, RequestObserver.Series series) {
        this.request = request;
        this.series = series;
        request.response().bodyEndHandler(this);
    }

    @Override
    public void handle(Void ended) {
        HttpServerResponse response = request.response();
        int status = response.getStatusCode();
        String errorType = status >= 400 ? response.headers().get("x-amzn-ErrorType") : null;
        series.answered(requestId, principal, status, errorType, System.nanoTime() - started);
    }
}
