package dev.fleetjobs.cli.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Map;

/**
 * The load generator's HTTP side: one Vert.x client on the bench's event loop, keep-alive
 * connections up to the pool size, every request signed by the {@link RequestSigner}.
 */
final class HttpDriver implements AutoCloseable {

    private static final long IDLE_TIMEOUT_MILLIS = 60_000;

    private final Vertx vertx;
    private final HttpClientAgent client;
    private final RequestSigner signer;
    private final String host;
    private final int port;

    HttpDriver(Vertx vertx, URI endpoint, RequestSigner signer, int connections) {
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        this.host = endpoint.getHost();
        this.port = endpoint.getPort() > 0 ? endpoint.getPort() : tls ? 443 : 80;
        this.signer = signer;
        this.vertx = vertx;
        this.client = vertx.httpClientBuilder()
                .with(new HttpClientOptions().setKeepAlive(true).setSsl(tls).setConnectTimeout(5_000)
                        .setTcpNoDelay(true).setMaxRedirects(0))
                .with(new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1))
                .build();
    }

    /** The {@code Host} header as the client sends it (the port only when it is not the scheme's). */
    static String authority(URI endpoint) {
        boolean tls = "https".equalsIgnoreCase(endpoint.getScheme());
        int port = endpoint.getPort();
        boolean defaultPort = port < 0 || (tls && port == 443) || (!tls && port == 80);
        return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    /** Sends the request; the future fails only when no answer came (connection refused, reset, timed out). */
    Future<Answer> send(BenchRequest request) {
        if (Vertx.currentContext() == null) {
            // Sent from a thread outside the event loop (the scenarios' own), a request was now and
            // then lost by Vert.x 5.0.7: never sent, never failed, its caller waiting forever.
            Promise<Answer> answered = Promise.promise();
            vertx.runOnContext(v -> sendOnLoop(request).onComplete(answered));
            return answered.future();
        }
        return sendOnLoop(request);
    }

    private Future<Answer> sendOnLoop(BenchRequest request) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(request.method()))
                .setHost(host)
                .setPort(port)
                .setURI(request.uri())
                .setIdleTimeout(IDLE_TIMEOUT_MILLIS);
        return client.request(options).compose(sent -> {
            for (Map.Entry<String, String> header : signer.headers(request)) {
                sent.putHeader(header.getKey(), header.getValue());
            }
            return request.body() == null ? sent.send() : sent.send(Buffer.buffer(request.bodyBytes()));
        }).compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                response.getHeader("x-amzn-ErrorType"), body.getBytes())));
    }

    /** Like {@link #send} but a status other than the expected one fails the future too. */
    Future<Answer> expect(BenchRequest request) {
        return send(request).compose(answer -> answer.status() == request.expectedStatus()
                ? Future.succeededFuture(answer)
                : Future.failedFuture(new UnexpectedAnswerException(request.describe() + " answered " + answer.summary())));
    }

    @Override
    public void close() {
        client.close();
    }
}
