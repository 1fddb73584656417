package dev.fleetjobs.server.app;

import dev.fleetjobs.server.http.ConnectionGuard;
import dev.fleetjobs.server.http.FramingGuard;
import dev.fleetjobs.server.http.HttpEdge;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One listening HTTP server: its edge, its connection guard, and an orderly shutdown. */
final class Listener {

    private final HttpServer server;
    private final HttpEdge edge;
    private final ConnectionGuard guard;

    private Listener(HttpServer server, HttpEdge edge, ConnectionGuard guard) {
        this.server = server;
        this.edge = edge;
        this.guard = guard;
    }

    static Listener start(Vertx vertx, HttpServerOptions options, HttpEdge edge, SecurityOptions security) {
        ConnectionGuard guard = new ConnectionGuard(vertx, security.headerTimeout(), security.bodyTimeout(), security.maxConnections());
        HttpServer server = vertx.createHttpServer(options);
        FramingGuard framing = new FramingGuard(options);
        server.invalidRequestHandler(edge::refuseUnreadable).requestHandler(guard.install(server, edge, framing::install));
        try {
            server.listen().toCompletionStage().toCompletableFuture().join();
        } catch (RuntimeException e) {
            guard.close();
            throw e;
        }
        return new Listener(server, edge, guard);
    }

    int port() {
        return server.actualPort();
    }

    HttpEdge edge() {
        return edge;
    }

    CompletableFuture<Void> shutdown(Duration timeout) {
        guard.close();
        return server.shutdown(timeout.toMillis(), TimeUnit.MILLISECONDS).toCompletionStage().toCompletableFuture();
    }
}
