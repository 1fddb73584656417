package dev.fleetjobs.server.s3;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One S3 request being served: its request id, its decoded query, disk work handed to the disk
 * pool with the answer brought back to the request's event loop, and the error answer.
 */
final class S3Exchange {

    /** Disk work that may throw {@link IOException}. */
    @FunctionalInterface
    interface DiskWork<T> {
        T run() throws IOException;
    }

    private final HttpServerRequest request;
    private final String requestId;
    private final Vertx vertx;
    private final Executor eventLoop;
    private final Executor disk;
    private final Map<String, List<String>> query;

    S3Exchange(HttpServerRequest request, String requestId, Context context, Executor disk) {
        this.request = request;
        this.requestId = requestId;
        this.vertx = context.owner();
        this.eventLoop = task -> context.runOnContext(ignored -> task.run());
        this.disk = disk;
        this.query = parseQuery(request.query());
    }

    HttpServerRequest request() {
        return request;
    }

    String requestId() {
        return requestId;
    }

    Vertx vertx() {
        return vertx;
    }

    Map<String, List<String>> query() {
        return query;
    }

    String param(String name) {
        return first(query, name);
    }

    /** Runs {@code work} on the disk pool; the future completes on the event loop. */
    <T> CompletableFuture<T> onDisk(DiskWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, disk).whenCompleteAsync((value, failure) -> { }, eventLoop);
    }

    void fail(Throwable failure) {
        S3Responses.error(request, requestId, failure, request.path());
    }

    void xml(int status, S3Xml xml) {
        S3Responses.xml(request, requestId, status, xml);
    }

    /** Answers {@code status} with no body once {@code work} is done, or the error it failed with. */
    void emptyWhenDone(CompletableFuture<?> work, int status) {
        work.whenComplete((done, failure) -> {
            if (failure != null) {
                fail(failure);
            } else {
                empty(status, Map.of());
            }
        });
    }

    void empty(int status, Map<String, String> headers) {
        var response = S3Responses.start(request, requestId, status);
        if (response.ended() || response.closed()) {
            return;
        }
        headers.forEach(response::putHeader);
        response.end();
    }

    static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = Percent.decode(eq < 0 ? pair : pair.substring(0, eq), true);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(eq < 0 ? "" : Percent.decode(pair.substring(eq + 1), true));
        }
        return params;
    }
}
