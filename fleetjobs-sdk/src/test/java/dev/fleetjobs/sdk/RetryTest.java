package dev.fleetjobs.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.sdk.ScriptedServer.Answer;
import dev.fleetjobs.sdk.http.Interceptor;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.errors.CertificateValidationException;
import dev.fleetjobs.sdk.models.errors.InvalidRequestException;
import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import dev.fleetjobs.sdk.models.errors.ResourceNotFoundException;
import dev.fleetjobs.sdk.models.errors.ServiceUnavailableException;
import dev.fleetjobs.sdk.models.errors.ThrottlingException;
import dev.fleetjobs.sdk.models.errors.TransportException;
import dev.fleetjobs.sdk.models.shared.Security;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Retries against a scripted server: which failures are sent again, how often, and with what waits. */
class RetryTest {

    private static final String PENDING = "{\"inProgressJobs\":[],\"queuedJobs\":[]}";
    private static final RetryPolicy QUICK = RetryPolicy.of(3, Duration.ofMillis(5), Duration.ofMillis(40));

    @Test
    void throttlingAndServerFaultsAreRetriedUntilTheyPass() {
        try (ScriptedServer server = ScriptedServer.start(
                Answer.error(429, "ThrottlingException", "{\"message\":\"slow down\"}"),
                Answer.error(503, "ServiceUnavailableException", "{\"message\":\"busy\"}"),
                Answer.ok(PENDING))) {
            var response = client(server.endpoint(), QUICK).getPendingJobExecutions(r -> r.thingName("t"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(3);
            assertThat(server.requests()).extracting(r -> r.header("x-amz-date")).doesNotContainNull();
        }
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsThrown() {
        try (ScriptedServer server = ScriptedServer.start(Answer.error(500, "InternalFailureException", "{\"message\":\"boom\"}"))) {
            assertThatThrownBy(() -> client(server.endpoint(), QUICK).getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(JobsServiceException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.errorType()).isEqualTo("InternalFailureException");
                        assertThat(e.serviceMessage()).isEqualTo("boom");
                    });
            assertThat(server.requests()).hasSize(3);
        }
        try (ScriptedServer server = ScriptedServer.start(Answer.error(503, "ServiceUnavailableException", "{\"message\":\"busy\"}"))) {
            assertThatThrownBy(() -> client(server.endpoint(), RetryPolicy.of(5, Duration.ofMillis(1), Duration.ofMillis(4)))
                    .getPendingJobExecutions(r -> r.thingName("t"))).isInstanceOf(ServiceUnavailableException.class);
            assertThat(server.requests()).hasSize(5);
        }
    }

    @Test
    void clientErrorsAreNeverRetried() {
        try (ScriptedServer server = ScriptedServer.start(
                Answer.error(400, "InvalidRequestException", "{\"message\":\"bad\"}"),
                Answer.error(404, "ResourceNotFoundException", "{\"message\":\"gone\"}"),
                Answer.error(400, "CertificateValidationException", "{\"message\":\"The certificate is invalid.\"}"),
                Answer.error(403, "InvalidSignatureException", "{\"message\":\"no\"}"))) {
            JobsDataClient client = client(server.endpoint(), QUICK);
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t"))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t"))).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(CertificateValidationException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(JobsServiceException.class, e -> assertThat(e.errorType()).isEqualTo("InvalidSignatureException"));
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void errorTypesAreReadTheWayTheAwsSdksReadThem() {
        try (ScriptedServer server = ScriptedServer.start(
                new Answer(404, java.util.Map.of("x-amzn-ErrorType", "ResourceNotFoundException:http://internal/"), "{\"Message\":\"x\"}"),
                new Answer(400, java.util.Map.of(), "{\"__type\":\"com.amazon#ThrottlingException\",\"message\":\"y\"}"),
                new Answer(400, java.util.Map.of(), "{\"message\":\"z\"}"))) {
            JobsDataClient client = client(server.endpoint(), RetryPolicy.none());
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.serviceMessage()).isEqualTo("x"));
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(ThrottlingException.class, e -> assertThat(e.statusCode()).isEqualTo(400));
            assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("t")))
                    .isInstanceOfSatisfying(JobsServiceException.class, e -> assertThat(e.errorType()).isEqualTo("Http400"));
        }
    }

    @Test
    void ioErrorsAreRetriedThenSurfaceAsTransportException() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(Answer.hangUp(), Answer.ok(PENDING))) {
            assertThat(client(server.endpoint(), QUICK).getPendingJobExecutions(r -> r.thingName("t")).statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSize(2);
        }
        List<Integer> failedAttempts = new CopyOnWriteArrayList<>();
        JobsDataClient nobodyHome = JobsDataClient.builder().serverUrl(unusedPort()).security(Security.sigV4(LocalServer.CREDENTIALS))
                .retryPolicy(QUICK).connectTimeout(Duration.ofSeconds(2)).interceptor(new Interceptor() {
                    @Override
                    public void onTransportFailure(HttpRequest request, Throwable failure, int attempt) {
                        failedAttempts.add(attempt);
                    }
                }).build();
        assertThatThrownBy(() -> nobodyHome.getPendingJobExecutions(r -> r.thingName("t")))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getMessage()).contains("GET").contains("/things/t/jobs");
                });
        assertThat(failedAttempts).containsExactly(1, 2, 3);
        var async = nobodyHome.getPendingJobExecutionsAsync(
                dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsRequest.builder().thingName("t").build());
        assertThatThrownBy(async::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TransportException.class);
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        try (ScriptedServer server = ScriptedServer.start(Answer.ok(PENDING))) {
            server.delayFirst(Duration.ofSeconds(2));
            JobsDataClient impatient = JobsDataClient.builder().serverUrl(server.endpoint()).security(Security.sigV4(LocalServer.CREDENTIALS))
                    .retryPolicy(QUICK).requestTimeout(Duration.ofMillis(300)).build();
            assertThat(impatient.getPendingJobExecutions(r -> r.thingName("t")).statusCode()).isEqualTo(200);
            assertThat(server.requests()).hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void backoffGrowsExponentiallyWithJitterUpToTheCap() {
        RetryPolicy policy = RetryPolicy.of(10, Duration.ofMillis(100), Duration.ofSeconds(1));
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.ceiling(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(60)).isEqualTo(Duration.ofSeconds(1));
        SplittableRandom random = new SplittableRandom(42);
        java.util.Set<Duration> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration third = policy.delayAfter(3, random);
            assertThat(third).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            seen.add(third);
        }
        assertThat(seen).as("jittered").hasSizeGreaterThan(100);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> RetryPolicy.of(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static JobsDataClient client(URI endpoint, RetryPolicy policy) {
        return JobsDataClient.builder().serverUrl(endpoint).security(Security.sigV4(LocalServer.CREDENTIALS)).retryPolicy(policy).build();
    }

    private static URI unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }
}
