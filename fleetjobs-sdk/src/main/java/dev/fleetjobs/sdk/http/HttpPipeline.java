package dev.fleetjobs.sdk.http;

import dev.fleetjobs.sdk.auth.SigV4Signer;
import dev.fleetjobs.sdk.models.errors.JobsException;
import dev.fleetjobs.sdk.models.errors.TransportException;
import dev.fleetjobs.sdk.models.shared.Security;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The road every call takes: interceptors, authentication (SigV4 per attempt, or the seed's
 * {@code hmac} value as given), the JDK HTTP client, error mapping, and retries with backoff.
 * Immutable and thread-safe; build one and share it. Used by the data-plane client and by the
 * command line's control-plane client.
 */
public final class HttpPipeline {

    private static final Set<String> UNSENDABLE = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final URI endpoint;
    private final String basePath;
    private final String hostHeader;
    private final Security security;
    private final SigV4Signer signer;
    private final RetryPolicy retryPolicy;
    private final List<Interceptor> interceptors;
    private final Duration requestTimeout;
    private final Clock clock;
    private final RandomGenerator random;
    private final HttpClient http;

    private HttpPipeline(Builder builder) {
        this.endpoint = Objects.requireNonNull(builder.endpoint, "endpoint");
        if (endpoint.getHost() == null || !(endpoint.getScheme().equals("http") || endpoint.getScheme().equals("https"))) {
            throw new IllegalArgumentException("endpoint must be an http or https URL with a host: " + endpoint);
        }
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int defaultPort = endpoint.getScheme().equals("https") ? 443 : 80;
        this.hostHeader = endpoint.getHost() + (endpoint.getPort() == -1 || endpoint.getPort() == defaultPort ? "" : ":" + endpoint.getPort());
        this.security = Objects.requireNonNull(builder.security, "security");
        this.signer = new SigV4Signer(builder.region, builder.signingName);
        this.retryPolicy = builder.retryPolicy;
        this.interceptors = List.copyOf(builder.interceptors);
        this.requestTimeout = builder.requestTimeout;
        this.clock = builder.clock;
        this.random = builder.random;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(builder.connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public URI endpoint() {
        return endpoint;
    }

    public String region() {
        return signer.region();
    }

    /** Sends {@code request}, retrying as the policy allows; completes with a 2xx answer or a {@link JobsException}. */
    public CompletableFuture<HttpResponse<byte[]>> sendAsync(WireRequest request) {
        WireRequest prepared = request;
        try {
            for (Interceptor interceptor : interceptors) {
                prepared = interceptor.modifyRequest(prepared);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return attempt(prepared, 1);
    }

    /** {@link #sendAsync} waited for: the answer, or the {@link JobsException} it failed with. */
    public HttpResponse<byte[]> send(WireRequest request) {
        return await(sendAsync(request));
    }

    /**
     * Waits for {@code future} and throws what it failed with, unwrapped. An interrupt cancels the
     * wait, keeps the interrupt flag and ends in a {@link TransportException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException("Interrupted while waiting for the answer", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new TransportException(String.valueOf(cause), cause);
        }
    }

    private CompletableFuture<HttpResponse<byte[]>> attempt(WireRequest request, int attempt) {
        HttpRequest httpRequest;
        try {
            WireRequest authorized = authorize(request);
            httpRequest = toHttpRequest(authorized);
            for (Interceptor interceptor : interceptors) {
                interceptor.beforeTransmission(httpRequest, authorized.body(), attempt);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.sendAsync(httpRequest, HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> outcome(request, httpRequest, attempt, response, failure))
                .thenCompose(next -> next);
    }

    private CompletableFuture<HttpResponse<byte[]>> outcome(WireRequest request, HttpRequest httpRequest, int attempt,
                                                            HttpResponse<byte[]> response, Throwable failure) {
        JobsException error;
        try {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof CancellationException) {
                    return CompletableFuture.failedFuture(cause);
                }
                for (Interceptor interceptor : interceptors) {
                    interceptor.onTransportFailure(httpRequest, cause, attempt);
                }
                error = new TransportException(describe(cause) + " (" + httpRequest.method() + " " + httpRequest.uri() + ")", cause);
            } else {
                for (Interceptor interceptor : interceptors) {
                    interceptor.afterResponse(httpRequest, response, attempt);
                }
                if (response.statusCode() / 100 == 2) {
                    return CompletableFuture.completedFuture(response);
                }
                error = ServiceErrors.toException(response);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!error.isRetryable() || attempt >= retryPolicy.maxAttempts()) {
            return CompletableFuture.failedFuture(error);
        }
        long delayNanos = retryPolicy.delayAfter(attempt, random).toNanos();
        return CompletableFuture.supplyAsync(() -> attempt(request, attempt + 1),
                        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS))
                .thenCompose(next -> next);
    }

    private WireRequest authorize(WireRequest request) {
        WireRequest full = new WireRequest(request.method(), basePath + request.rawPath(), request.rawQuery(), request.headers(),
                request.body());
        if (security instanceof Security.Hmac hmac) {
            return full.withHeader("Authorization", hmac.authorization());
        }
        return signer.sign(full, hostHeader, ((Security.SigV4) security).credentials(), clock.instant());
    }

    private HttpRequest toHttpRequest(WireRequest request) {
        URI uri = URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + request.pathAndQuery());
        HttpRequest.BodyPublisher body = request.body().length == 0 && !request.method().equals("PUT") && !request.method().equals("POST")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(request.method(), body).timeout(requestTimeout);
        for (var header : request.headerPairs()) {
            if (!UNSENDABLE.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
                builder.header(header.getKey(), header.getValue());
            }
        }
        return builder.build();
    }

    private static String describe(Throwable cause) {
        String name = cause instanceof IOException ? cause.getClass().getSimpleName() : cause.toString();
        return cause.getMessage() == null ? name : name + ": " + cause.getMessage();
    }

    /** Configuration of a {@link HttpPipeline}; every setting but the endpoint and security has a default. */
    public static final class Builder {

        private URI endpoint;
        private Security security;
        private String region = "us-east-1";
        private String signingName = "iot-jobs-data";
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = RandomGenerator.getDefault();

        private Builder() {
        }

        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        public Builder security(Security security) {
            this.security = security;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The SigV4 service: {@code iot-jobs-data} (default) or {@code iot} for the control plane. */
        public Builder signingName(String signingName) {
            this.signingName = signingName;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        public Builder interceptors(List<Interceptor> interceptors) {
            this.interceptors.clear();
            this.interceptors.addAll(interceptors);
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = positive(connectTimeout, "connectTimeout");
            return this;
        }

        /** How long one attempt may wait for its answer. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /** The clock of signing dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        public HttpPipeline build() {
            return new HttpPipeline(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
