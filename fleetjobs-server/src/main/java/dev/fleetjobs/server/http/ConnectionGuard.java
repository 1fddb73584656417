package dev.fleetjobs.server.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps slow or idle clients from holding connections: a connection must deliver a request's
 * headers within the header timeout of opening (or of its previous response), and the request's
 * body within the body timeout of its headers; past either it is closed. Connections beyond the
 * limit are closed as they open. One periodic sweep checks every deadline, so a request costs no
 * timer of its own.
 */
public final class ConnectionGuard implements AutoCloseable {

    private static final class State {
        volatile long idleSinceNanos;
        volatile HttpServerRequest current;
        volatile long requestStartNanos;
        final AtomicInteger active = new AtomicInteger();

        State(long now) {
            idleSinceNanos = now;
        }
    }

    private final Vertx vertx;
    private final long headerTimeoutNanos;
    private final long bodyTimeoutNanos;
    private final int maxConnections;
    private final Map<HttpConnection, State> connections = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final long sweepTimer;

    public ConnectionGuard(Vertx vertx, Duration headerTimeout, Duration bodyTimeout, int maxConnections) {
        this.vertx = vertx;
        this.headerTimeoutNanos = headerTimeout.toNanos();
        this.bodyTimeoutNanos = bodyTimeout.toNanos();
        this.maxConnections = maxConnections;
        long sweepEvery = Math.max(50, Math.min(1000, headerTimeout.toMillis() / 4));
        this.sweepTimer = vertx.setPeriodic(sweepEvery, id -> sweep());
    }

    /**
     * Guards {@code server}'s connections and returns the request handler to give it.
     *
     * @param onOpen  also told of every connection as it opens, before it reads anything
     */
    public Handler<HttpServerRequest> install(HttpServer server, Handler<HttpServerRequest> handler, Handler<HttpConnection> onOpen) {
        server.connectionHandler(connection -> {
            onOpen.handle(connection);
            opened(connection);
        });
        return request -> {
            State state = connections.get(request.connection());
            if (state != null) {
                state.active.incrementAndGet();
                state.current = request;
                state.requestStartNanos = System.nanoTime();
                request.response().endHandler(ended -> {
                    if (state.active.decrementAndGet() == 0) {
                        state.current = null;
                        state.idleSinceNanos = System.nanoTime();
                    }
                });
            }
            handler.handle(request);
        };
    }

    /** Connections open now. */
    public int openConnections() {
        return open.get();
    }

    private void opened(HttpConnection connection) {
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            connection.close();
            return;
        }
        connections.put(connection, new State(System.nanoTime()));
        connection.closeHandler(closed -> {
            if (connections.remove(connection) != null) {
                open.decrementAndGet();
            }
        });
    }

    private void sweep() {
        long now = System.nanoTime();
        connections.forEach((connection, state) -> {
            HttpServerRequest current = state.current;
            boolean idleTooLong = state.active.get() == 0 && now - state.idleSinceNanos > headerTimeoutNanos;
            boolean bodyTooSlow = current != null && !current.isEnded() && now - state.requestStartNanos > bodyTimeoutNanos;
            if (idleTooLong || bodyTooSlow) {
                connection.close();
            }
        });
    }

    @Override
    public void close() {
        vertx.cancelTimer(sweepTimer);
    }
}
