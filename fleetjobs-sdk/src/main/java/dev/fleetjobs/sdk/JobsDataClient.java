package dev.fleetjobs.sdk;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.http.HttpPipeline;
import dev.fleetjobs.sdk.http.Interceptor;
import dev.fleetjobs.sdk.http.JsonCodec;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.http.WireRequest;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionResponse;
import dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsRequest;
import dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsResponse;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionResponse;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionResponse;
import dev.fleetjobs.sdk.models.shared.Security;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.BiFunction;

/**
 * The client of the IoT Jobs data plane: the four device operations against Fleetjobs or AWS.
 * Build it once and share it; it is immutable and thread-safe. Each operation has a blocking form
 * and a {@code ...Async} form, and takes a request object or a lambda that fills its builder.
 * Failures are thrown (or complete the future) as {@code dev.fleetjobs.sdk.models.errors} exceptions,
 * after the retries the {@link RetryPolicy} allows.
 */
public final class JobsDataClient {

    /** The signing name of the data plane. */
    public static final String SIGNING_NAME = "iot-jobs-data";

    private final HttpPipeline pipeline;

    private JobsDataClient(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The URL requests go to: the server URL, or the AWS endpoint of the region. */
    public URI endpoint() {
        return pipeline.endpoint();
    }

    public String region() {
        return pipeline.region();
    }

    public DescribeJobExecutionResponse describeJobExecution(DescribeJobExecutionRequest request) {
        return HttpPipeline.await(describeJobExecutionAsync(request));
    }

    public DescribeJobExecutionResponse describeJobExecution(Consumer<DescribeJobExecutionRequest.Builder> request) {
        return describeJobExecution(fill(DescribeJobExecutionRequest.builder(), request).build());
    }

    public CompletableFuture<DescribeJobExecutionResponse> describeJobExecutionAsync(DescribeJobExecutionRequest request) {
        return call(DataPlaneBindings.describe(request), dev.fleetjobs.protocol.dataplane.DescribeJobExecutionResponse.class,
                (raw, body) -> new DescribeJobExecutionResponse(contentType(raw), raw.statusCode(), raw, body));
    }

    public GetPendingJobExecutionsResponse getPendingJobExecutions(GetPendingJobExecutionsRequest request) {
        return HttpPipeline.await(getPendingJobExecutionsAsync(request));
    }

    public GetPendingJobExecutionsResponse getPendingJobExecutions(Consumer<GetPendingJobExecutionsRequest.Builder> request) {
        return getPendingJobExecutions(fill(GetPendingJobExecutionsRequest.builder(), request).build());
    }

    public CompletableFuture<GetPendingJobExecutionsResponse> getPendingJobExecutionsAsync(GetPendingJobExecutionsRequest request) {
        return call(DataPlaneBindings.getPending(request), dev.fleetjobs.protocol.dataplane.GetPendingJobExecutionsResponse.class,
                (raw, body) -> new GetPendingJobExecutionsResponse(contentType(raw), raw.statusCode(), raw, body));
    }

    public StartNextPendingJobExecutionResponse startNextPendingJobExecution(StartNextPendingJobExecutionRequest request) {
        return HttpPipeline.await(startNextPendingJobExecutionAsync(request));
    }

    public StartNextPendingJobExecutionResponse startNextPendingJobExecution(
            Consumer<StartNextPendingJobExecutionRequest.Builder> request) {
        return startNextPendingJobExecution(fill(StartNextPendingJobExecutionRequest.builder(), request).build());
    }

    public CompletableFuture<StartNextPendingJobExecutionResponse> startNextPendingJobExecutionAsync(
            StartNextPendingJobExecutionRequest request) {
        return call(DataPlaneBindings.startNext(request), dev.fleetjobs.protocol.dataplane.StartNextPendingJobExecutionResponse.class,
                (raw, body) -> new StartNextPendingJobExecutionResponse(contentType(raw), raw.statusCode(), raw, body));
    }

    public UpdateJobExecutionResponse updateJobExecution(UpdateJobExecutionRequest request) {
        return HttpPipeline.await(updateJobExecutionAsync(request));
    }

    public UpdateJobExecutionResponse updateJobExecution(Consumer<UpdateJobExecutionRequest.Builder> request) {
        return updateJobExecution(fill(UpdateJobExecutionRequest.builder(), request).build());
    }

    public CompletableFuture<UpdateJobExecutionResponse> updateJobExecutionAsync(UpdateJobExecutionRequest request) {
        return call(DataPlaneBindings.update(request), dev.fleetjobs.protocol.dataplane.UpdateJobExecutionResponse.class,
                (raw, body) -> new UpdateJobExecutionResponse(contentType(raw), raw.statusCode(), raw, body));
    }

    private <B, R> CompletableFuture<R> call(WireRequest request, Class<B> bodyType,
                                             BiFunction<HttpResponse<byte[]>, Optional<B>, R> wrap) {
        return pipeline.sendAsync(request).thenApply(raw -> wrap.apply(raw, body(raw, bodyType)));
    }

    private static <B> Optional<B> body(HttpResponse<byte[]> raw, Class<B> type) {
        byte[] bytes = raw.body();
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.of(JsonCodec.read(bytes, type));
    }

    private static String contentType(HttpResponse<byte[]> raw) {
        return raw.headers().firstValue("Content-Type").orElse(null);
    }

    private static <B> B fill(B builder, Consumer<B> filler) {
        filler.accept(builder);
        return builder;
    }

    /**
     * Settings of a {@link JobsDataClient}. Without a server URL the client talks to AWS at
     * {@code https://data.jobs.iot.{region}.amazonaws.com}; without security it signs with the
     * {@code AWS_*} credentials of the environment.
     */
    public static final class Builder {

        private Security security;
        private URI serverUrl;
        private String region;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();

        private Builder() {
        }

        public Builder security(Security security) {
            this.security = Objects.requireNonNull(security, "security");
            return this;
        }

        /** Where Fleetjobs (or any endpoint of the data plane) listens, e.g. {@code http://localhost:9290}. */
        public Builder serverUrl(String serverUrl) {
            return serverUrl(URI.create(serverUrl));
        }

        public Builder serverUrl(URI serverUrl) {
            this.serverUrl = Objects.requireNonNull(serverUrl, "serverUrl");
            return this;
        }

        /** The AWS region: part of every signature and, without a server URL, of the endpoint. */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /** How long one attempt may wait for its answer. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /** Adds an interceptor; they run in the order they were added. */
        public Builder interceptor(Interceptor interceptor) {
            this.interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** The clock of signing dates. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where defaults come from ({@code AWS_*} credentials, {@code AWS_REGION}); the process environment unless set. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public JobsDataClient build() {
            String resolvedRegion = resolveRegion();
            URI endpoint = serverUrl != null ? serverUrl : URI.create("https://data.jobs.iot." + resolvedRegion + ".amazonaws.com");
            Security resolvedSecurity = security != null ? security : Security.sigV4(AwsCredentials.fromEnvironment(environment));
            return new JobsDataClient(HttpPipeline.builder()
                    .endpoint(endpoint)
                    .security(resolvedSecurity)
                    .region(resolvedRegion)
                    .signingName(SIGNING_NAME)
                    .retryPolicy(retryPolicy)
                    .interceptors(interceptors)
                    .connectTimeout(connectTimeout)
                    .requestTimeout(requestTimeout)
                    .clock(clock)
                    .build());
        }

        private String resolveRegion() {
            if (region != null) {
                return region;
            }
            Optional<String> fromEnvironment = Optional.ofNullable(environment.get("AWS_REGION"))
                    .or(() -> Optional.ofNullable(environment.get("AWS_DEFAULT_REGION")))
                    .filter(value -> !value.isBlank());
            if (fromEnvironment.isPresent()) {
                return fromEnvironment.get();
            }
            if (serverUrl != null) {
                // Fleetjobs accepts any region in a signature; AWS needs the real one, which the endpoint names
                return "us-east-1";
            }
            throw new IllegalStateException("Set a region (or AWS_REGION) or a server URL: the AWS endpoint depends on the region");
        }
    }
}
