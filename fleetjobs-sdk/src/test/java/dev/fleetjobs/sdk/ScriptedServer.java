package dev.fleetjobs.sdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test HTTP server on the JDK's com.sun.net.httpserver that answers from a script, in order,
 * and records every request exactly as it arrived. With the script used up it answers the last
 * entry again.
 */
public final class ScriptedServer implements AutoCloseable {

    /** One scripted answer; {@code status} 0 closes the connection without answering. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public static Answer ok(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body);
        }

        public static Answer error(int status, String errorType, String body) {
            return new Answer(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", errorType,
                    "x-amzn-RequestId", "req-" + status), body);
        }

        public static Answer hangUp() {
            return new Answer(0, Map.of(), "");
        }
    }

    /** A request as it arrived: the raw path and query, header names lower-cased. */
    public record Captured(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private final HttpServer server;
    private final java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer last = Answer.ok("{}");
    private final List<Captured> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private volatile Duration firstDelay = Duration.ZERO;

    private ScriptedServer(HttpServer server) {
        this.server = server;
    }

    public static ScriptedServer start(Answer... answers) {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            ScriptedServer scripted = new ScriptedServer(http);
            scripted.script.addAll(List.of(answers));
            http.createContext("/", scripted::handle);
            http.setExecutor(scripted.executor);
            http.start();
            return scripted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Holds the first answer back this long (or until the server closes): a slow server. */
    public void delayFirst(Duration delay) {
        firstDelay = delay;
    }

    public List<Captured> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>(values)));
        URI uri = exchange.getRequestURI();
        requests.add(new Captured(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers, body));
        if (requests.size() == 1 && !firstDelay.isZero()) {
            try {
                release.await(firstDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer = script.poll();
        if (answer == null) {
            answer = last;
        } else {
            last = answer;
        }
        if (answer.status() == 0) {
            exchange.close();
            return;
        }
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            exchange.getResponseBody().write(out);
        }
        exchange.close();
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
