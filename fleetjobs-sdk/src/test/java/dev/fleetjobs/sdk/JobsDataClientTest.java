package dev.fleetjobs.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.protocol.dataplane.JobExecution;
import dev.fleetjobs.sdk.auth.SigV4Signer;
import dev.fleetjobs.sdk.http.Interceptor;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.http.WireRequest;
import dev.fleetjobs.sdk.models.errors.InvalidRequestException;
import dev.fleetjobs.sdk.models.errors.InvalidStateTransitionException;
import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import dev.fleetjobs.sdk.models.errors.ResourceNotFoundException;
import dev.fleetjobs.sdk.models.errors.ServiceUnavailableException;
import dev.fleetjobs.sdk.models.errors.TerminalStateException;
import dev.fleetjobs.sdk.models.errors.ThrottlingException;
import dev.fleetjobs.sdk.models.errors.VersionConflictException;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionResponse;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionResponse;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import dev.fleetjobs.sdk.models.shared.Security;
import dev.fleetjobs.server.app.ServerConfig;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation, every option and every error type the server can produce, through our client. */
class JobsDataClientTest {

    @TempDir
    Path dataDir;

    private LocalServer server;
    private JobsDataClient client;

    @BeforeEach
    void start() {
        server = LocalServer.start(dataDir);
        client = server.client();
        server.thing("pump:1");
        server.job("firmware-2", "{\"operation\":\"install\"}", "pump:1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theFourOperationsCarryEveryField() {
        var pending = client.getPendingJobExecutions(r -> r.thingName("pump:1"));
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.contentType()).isEqualTo("application/json");
        assertThat(pending.getPendingJobExecutionsResponse().orElseThrow().queuedJobs())
                .extracting(s -> s.jobId()).containsExactly("firmware-2");

        var described = client.describeJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").executionNumber(1L)
                .includeJobDocument(false));
        JobExecution queued = described.describeJobExecutionResponse().orElseThrow().execution();
        assertThat(queued.status()).isEqualTo("QUEUED");
        assertThat(queued.jobDocument()).isNull();
        assertThat(client.describeJobExecution(r -> r.thingName("pump:1").jobId(DescribeJobExecutionRequest.NEXT))
                .describeJobExecutionResponse().orElseThrow().execution().jobDocument()).isEqualTo("{\"operation\":\"install\"}");

        var started = client.startNextPendingJobExecution(r -> r.thingName("pump:1")
                .requestBody(StartNextPendingJobExecutionRequestBody.builder().statusDetails(Map.of("step", "download"))
                        .stepTimeoutInMinutes(5L).build()));
        JobExecution running = started.startNextPendingJobExecutionResponse().orElseThrow().execution();
        assertThat(running.status()).isEqualTo("IN_PROGRESS");
        assertThat(running.statusDetails()).containsExactly(Map.entry("step", "download"));
        assertThat(running.versionNumber()).isEqualTo(2L);

        UpdateJobExecutionResponse updated = client.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2")
                .requestBody(UpdateJobExecutionRequestBody.builder(JobExecutionStatus.SUCCEEDED).statusDetails(Map.of("step", "done"))
                        .expectedVersion(2L).executionNumber(1L).includeJobExecutionState(true).includeJobDocument(true).build()));
        var body = updated.updateJobExecutionResponse().orElseThrow();
        assertThat(body.executionState().status()).isEqualTo("SUCCEEDED");
        assertThat(body.executionState().versionNumber()).isEqualTo(3L);
        assertThat(body.executionState().statusDetails()).containsExactly(Map.entry("step", "done"));
        assertThat(body.jobDocument()).isEqualTo("{\"operation\":\"install\"}");
        assertThat(updated.rawResponse().headers().firstValue("x-amzn-RequestId")).isPresent();

        var nothing = client.startNextPendingJobExecution(r -> r.thingName("pump:1"));
        assertThat(nothing.startNextPendingJobExecutionResponse().orElseThrow().execution()).isNull();
    }

    @Test
    void asyncVariantsCompleteWithTheSameAnswersAndFailWithTheSameTypes() throws Exception {
        DescribeJobExecutionResponse described = client.describeJobExecutionAsync(DescribeJobExecutionRequest.builder()
                .thingName("pump:1").jobId("firmware-2").build()).get();
        assertThat(described.describeJobExecutionResponse().orElseThrow().execution().versionNumber()).isEqualTo(1L);
        var failed = client.getPendingJobExecutionsAsync(
                dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsRequest.builder().thingName("ghost").build());
        assertThatThrownBy(failed::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void eachErrorTypeOfTheServerArrivesAsItsOwnException() {
        assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("bad name")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.serviceMessage()).contains("thingName");
                    assertThat(e.requestId()).isNotBlank();
                    assertThat(e.isRetryable()).isFalse();
                });
        assertThatThrownBy(() -> client.describeJobExecution(r -> r.thingName("ghost").jobId("firmware-2")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.statusCode()).isEqualTo(404));

        update(JobExecutionStatus.IN_PROGRESS, null);
        assertThatThrownBy(() -> update(JobExecutionStatus.IN_PROGRESS, 1L))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.executionState().orElseThrow().versionNumber()).isEqualTo(2L);
                    assertThat(e.executionState().orElseThrow().status()).isEqualTo("IN_PROGRESS");
                });
        update(JobExecutionStatus.FAILED, 2L);
        assertThatThrownBy(() -> update(JobExecutionStatus.SUCCEEDED, null))
                .isInstanceOfSatisfying(InvalidStateTransitionException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
        assertThatThrownBy(() -> client.describeJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").executionNumber(2L)))
                .isInstanceOfSatisfying(TerminalStateException.class, e -> assertThat(e.statusCode()).isEqualTo(410));
    }

    @Test
    void throttlingIsRetriedAwayOrSurfacesWhenRetriesAreOff(@TempDir Path otherDir) {
        try (LocalServer limited = LocalServer.start(ServerConfig.defaults("127.0.0.1", 0, otherDir).withDataPlaneRequestsPerSecond(2))) {
            limited.thing("t1");
            JobsDataClient noRetries = limited.client();
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    noRetries.getPendingJobExecutions(r -> r.thingName("t1"));
                }
            }).isInstanceOfSatisfying(ThrottlingException.class, e -> {
                assertThat(e.statusCode()).isEqualTo(429);
                assertThat(e.isRetryable()).isTrue();
            });
            JobsDataClient patient = limited.client(RetryPolicy.of(10, Duration.ofMillis(200), Duration.ofSeconds(1)));
            for (int i = 0; i < 6; i++) {
                assertThat(patient.getPendingJobExecutions(r -> r.thingName("t1")).statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void aDrainingServerAnswersServiceUnavailable() {
        server.server().drain();
        assertThatThrownBy(() -> client.getPendingJobExecutions(r -> r.thingName("pump:1")))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void hmacSecuritySendsTheAuthorizationAndHeaderFieldsAsGiven() {
        // what a signing proxy or secure element would hand the device: a signature made elsewhere
        WireRequest signedElsewhere = new SigV4Signer("us-east-1", "iot-jobs-data").sign(WireRequest.of("GET", "/things/pump%3A1/jobs", ""),
                server.endpoint().getAuthority(), LocalServer.CREDENTIALS, Instant.now());
        JobsDataClient seedStyle = JobsDataClient.builder().serverUrl(server.endpoint())
                .security(Security.hmac(signedElsewhere.header("Authorization"))).retryPolicy(RetryPolicy.none()).build();
        var pending = seedStyle.getPendingJobExecutions(r -> r.thingName("pump:1")
                .xAmzDate(signedElsewhere.header("X-Amz-Date"))
                .xAmzContentSha256(signedElsewhere.header("X-Amz-Content-Sha256")));
        assertThat(pending.getPendingJobExecutionsResponse().orElseThrow().queuedJobs()).hasSize(1);

        try (ScriptedServer capture = ScriptedServer.start(ScriptedServer.Answer.ok("{\"inProgressJobs\":[],\"queuedJobs\":[]}"))) {
            JobsDataClient.builder().serverUrl(capture.endpoint()).security(Security.hmac("given-value")).build()
                    .getPendingJobExecutions(r -> r.thingName("pump:1").xAmzAlgorithm("a").xAmzContentSha256("b").xAmzCredential("c")
                            .xAmzDate("d").xAmzSecurityToken("e").xAmzSignature("f").xAmzSignedHeaders("g"));
            ScriptedServer.Captured sent = capture.requests().get(0);
            assertThat(List.of("authorization", "x-amz-algorithm", "x-amz-content-sha256", "x-amz-credential", "x-amz-date",
                    "x-amz-security-token", "x-amz-signature", "x-amz-signedheaders")).extracting(sent::header)
                    .containsExactly("given-value", "a", "b", "c", "d", "e", "f", "g");
        }
        assertThatThrownBy(() -> JobsDataClient.builder().serverUrl(server.endpoint()).security(Security.hmac("AWS4-HMAC-SHA256 nonsense"))
                .build().getPendingJobExecutions(r -> r.thingName("pump:1")))
                .isInstanceOfSatisfying(JobsServiceException.class, e -> {
                    assertThat(e.errorType()).isEqualTo("IncompleteSignatureException");
                    assertThat(e.isRetryable()).isFalse();
                });
    }

    @Test
    void interceptorsChangeRequestsBeforeSigningAndSeeEveryAttempt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        JobsDataClient traced = JobsDataClient.builder().serverUrl(server.endpoint()).security(Security.sigV4(LocalServer.CREDENTIALS))
                .interceptor(new Interceptor() {
                    @Override
                    public WireRequest modifyRequest(WireRequest request) {
                        return request.withHeader("X-Amz-Trace-Note", "from-test");
                    }

                    @Override
                    public void beforeTransmission(HttpRequest request, byte[] body, int attempt) {
                        seen.add(attempt + " " + request.method() + " " + request.uri().getRawPath() + " "
                                + request.headers().firstValue("Authorization").orElse("").contains("x-amz-trace-note"));
                    }
                }).build();
        traced.describeJobExecution(r -> r.thingName("pump:1").jobId("$next"));
        assertThat(seen).containsExactly("1 GET /things/pump%3A1/jobs/%24next true");
    }

    private void update(JobExecutionStatus status, Long expectedVersion) {
        client.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2")
                .requestBody(UpdateJobExecutionRequestBody.builder(status).expectedVersion(expectedVersion).build()));
    }
}
