package dev.fleetjobs.server.ops;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The admin listener: {@code GET /metrics} (Prometheus text format), {@code /health/live} and
 * {@code /health/ready}, without SigV4, on a Vert.x of its own. It starts before anything else
 * and stops last, so that a load balancer sees 503 while the node starts and while it drains.
 * Scrapes and readiness checks run on a worker thread, never on the data plane's event loops.
 */
final class AdminListener implements AutoCloseable {

    private static final String JSON = "application/json";

    private final Vertx vertx;
    private final HttpServer server;

    private AdminListener(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static AdminListener start(String host, int port, FleetjobsMetrics metrics, Readiness readiness) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(2));
        PrometheusTextFormatWriter format = PrometheusTextFormatWriter.create();
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(request -> route(vertx, request, metrics, readiness, format));
        try {
            server.listen().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
        return new AdminListener(vertx, server);
    }

    int port() {
        return server.actualPort();
    }

    private static void route(Vertx vertx, HttpServerRequest request, FleetjobsMetrics metrics, Readiness readiness,
                              PrometheusTextFormatWriter format) {
        String path = request.path();
        boolean read = request.method().name().equals("GET") || request.method().name().equals("HEAD");
        if (!read && (path.equals("/metrics") || path.startsWith("/health/"))) {
            answer(request, 405, JSON, "{\"message\":\"Only GET is served here.\"}");
            return;
        }
        switch (path) {
            case "/metrics" -> vertx.executeBlocking(() -> scrape(metrics, format))
                    .onSuccess(body -> request.response().setStatusCode(200).putHeader("Content-Type", format.getContentType())
                            .end(Buffer.buffer(body)))
                    .onFailure(failure -> answer(request, 500, JSON, "{\"message\":\"The scrape failed.\"}"));
            case "/health/live" -> answer(request, 200, JSON, "{\"status\":\"live\"}");
            case "/health/ready" -> vertx.executeBlocking(readiness::notReady)
                    .onSuccess(missing -> answer(request, missing.isEmpty() ? 200 : 503, JSON, readinessBody(missing)))
                    .onFailure(failure -> answer(request, 503, JSON, readinessBody(List.of("store"))));
            default -> answer(request, 404, JSON, "{\"message\":\"Not found: the admin listener serves /metrics, /health/live and "
                    + "/health/ready.\"}");
        }
    }

    private static byte[] scrape(FleetjobsMetrics metrics, PrometheusTextFormatWriter format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            format.write(out, metrics.registry().scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String readinessBody(List<String> notReady) {
        if (notReady.isEmpty()) {
            return "{\"status\":\"ready\"}";
        }
        StringBuilder body = new StringBuilder("{\"status\":\"not ready\",\"notReady\":[");
        for (int i = 0; i < notReady.size(); i++) {
            body.append(i == 0 ? "\"" : ",\"").append(notReady.get(i)).append('"');
        }
        return body.append("]}").toString();
    }

    private static void answer(HttpServerRequest request, int status, String contentType, String body) {
        request.response().setStatusCode(status).putHeader("Content-Type", contentType).end(body);
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            vertx.close();
        }
    }
}
