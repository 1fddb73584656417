package dev.fleetjobs.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.sdk.ScriptedServer.Captured;
import dev.fleetjobs.sdk.http.Interceptor;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import dev.fleetjobs.sdk.models.shared.Security;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.auth.SignedRequest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * For the same inputs, our client and the official AWS SDK for Java v2 send the same method,
 * path, query and body, and both signatures verify with the server's verifier.
 */
class WireEquivalenceTest {

    /** One input, said to both clients. */
    record Call(String name, Consumer<JobsDataClient> ours, Consumer<IotJobsDataPlaneClient> theirs) {
        @Override
        public String toString() {
            return name;
        }
    }

    private ScriptedServer capture;
    private JobsDataClient ours;
    private IotJobsDataPlaneClient theirs;

    @BeforeEach
    void start() {
        capture = ScriptedServer.start(ScriptedServer.Answer.ok("{}"));
        ours = JobsDataClient.builder().serverUrl(capture.endpoint()).security(Security.sigV4(LocalServer.CREDENTIALS))
                .retryPolicy(RetryPolicy.none()).build();
        theirs = IotJobsDataPlaneClient.builder().endpointOverride(capture.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalServer.ACCESS_KEY, LocalServer.SECRET_KEY)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterEach
    void stop() {
        theirs.close();
        capture.close();
    }

    static Stream<Arguments> calls() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("step", "download 2/5");
        details.put("progress", "40%");
        return Stream.of(
                new Call("describe $next with both query fields",
                        c -> c.describeJobExecution(r -> r.thingName("pump:1").jobId("$next").includeJobDocument(false).executionNumber(3L)),
                        c -> c.describeJobExecution(r -> r.thingName("pump:1").jobId("$next").includeJobDocument(false).executionNumber(3L))),
                new Call("describe a job id without query",
                        c -> c.describeJobExecution(r -> r.thingName("a_b-c").jobId("job_1-x")),
                        c -> c.describeJobExecution(r -> r.thingName("a_b-c").jobId("job_1-x"))),
                new Call("get pending",
                        c -> c.getPendingJobExecutions(r -> r.thingName("thing:with:colons")),
                        c -> c.getPendingJobExecutions(r -> r.thingName("thing:with:colons"))),
                new Call("start next with details and a step timeout",
                        c -> c.startNextPendingJobExecution(r -> r.thingName("pump:1").requestBody(
                                StartNextPendingJobExecutionRequestBody.builder().statusDetails(details).stepTimeoutInMinutes(10L).build())),
                        c -> c.startNextPendingJobExecution(r -> r.thingName("pump:1").statusDetails(details).stepTimeoutInMinutes(10L))),
                new Call("start next with nothing",
                        c -> c.startNextPendingJobExecution(r -> r.thingName("pump:1")),
                        c -> c.startNextPendingJobExecution(r -> r.thingName("pump:1"))),
                new Call("update with every field",
                        c -> c.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").requestBody(
                                UpdateJobExecutionRequestBody.builder(JobExecutionStatus.IN_PROGRESS).statusDetails(details).stepTimeoutInMinutes(-1L)
                                        .expectedVersion(7L).includeJobExecutionState(true).includeJobDocument(false).executionNumber(2L).build())),
                        c -> c.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").status("IN_PROGRESS").statusDetails(details)
                                .stepTimeoutInMinutes(-1L).expectedVersion(7L).includeJobExecutionState(true).includeJobDocument(false)
                                .executionNumber(2L))),
                new Call("update with the status only",
                        c -> c.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").requestBody(
                                UpdateJobExecutionRequestBody.builder(JobExecutionStatus.SUCCEEDED).build())),
                        c -> c.updateJobExecution(r -> r.thingName("pump:1").jobId("firmware-2").status("SUCCEEDED")))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void bothClientsPutTheSameRequestOnTheWire(Call call) {
        call.ours().accept(ours);
        call.theirs().accept(theirs);
        assertThat(capture.requests()).hasSize(2);
        Captured mine = capture.requests().get(0);
        Captured aws = capture.requests().get(1);

        assertThat(mine.method()).isEqualTo(aws.method());
        assertThat(mine.rawPath()).isEqualTo(aws.rawPath());
        assertThat(mine.rawQuery()).isEqualTo(aws.rawQuery());
        assertThat(mine.bodyText()).isEqualTo(aws.bodyText());
        assertThat(mine.header("content-type")).isEqualTo(aws.header("content-type"));

        SigV4Verifier verifier = new SigV4Verifier(
                key -> key.equals(LocalServer.ACCESS_KEY) ? Optional.of(LocalServer.SECRET_KEY) : Optional.empty(), Clock.systemUTC());
        for (Captured request : capture.requests()) {
            var verified = verifier.verify(new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), request.headers(),
                    request.body()));
            assertThat(verified.service()).isEqualTo("iot-jobs-data");
            assertThat(verified.region()).isEqualTo("us-east-1");
        }
    }

    @Test
    void withoutAServerUrlBothGoToTheSameAwsEndpoint() {
        AtomicReference<URI> awsUri = new AtomicReference<>();
        ExecutionInterceptor stopBeforeSending = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                awsUri.set(context.httpRequest().getUri());
                throw new IllegalStateException("stop: this test sends nothing to AWS");
            }
        };
        try (IotJobsDataPlaneClient aws = IotJobsDataPlaneClient.builder().region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalServer.ACCESS_KEY, LocalServer.SECRET_KEY)))
                .overrideConfiguration(c -> c.addExecutionInterceptor(stopBeforeSending).retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            assertThatThrownBy(() -> aws.describeJobExecution(r -> r.thingName("pump:1").jobId("$next"))).hasMessageContaining("stop");
        }

        AtomicReference<HttpRequest> ourRequest = new AtomicReference<>();
        JobsDataClient toAws = JobsDataClient.builder().region("eu-west-1").security(Security.sigV4(LocalServer.CREDENTIALS))
                .interceptor(new Interceptor() {
                    @Override
                    public void beforeTransmission(HttpRequest request, byte[] body, int attempt) {
                        ourRequest.set(request);
                        throw new IllegalStateException("stop: this test sends nothing to AWS");
                    }
                }).build();
        assertThatThrownBy(() -> toAws.describeJobExecution(r -> r.thingName("pump:1").jobId("$next"))).hasMessageContaining("stop");

        assertThat(toAws.endpoint()).isEqualTo(URI.create("https://data.jobs.iot.eu-west-1.amazonaws.com"));
        URI mine = ourRequest.get().uri();
        assertThat(mine.getScheme()).isEqualTo(awsUri.get().getScheme());
        assertThat(mine.getHost()).isEqualTo(awsUri.get().getHost());
        assertThat(mine.getRawPath()).isEqualTo(awsUri.get().getRawPath());
        assertThat(ourRequest.get().headers().firstValue("Authorization").orElseThrow()).contains("/eu-west-1/iot-jobs-data/aws4_request");
    }

    @Test
    void regionAndCredentialsComeFromTheEnvironmentWhenNotGiven() {
        Map<String, String> environment = Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "secret",
                "AWS_SESSION_TOKEN", "token", "AWS_REGION", "ap-southeast-2");
        JobsDataClient fromEnvironment = JobsDataClient.builder().environment(environment).build();
        assertThat(fromEnvironment.endpoint()).isEqualTo(URI.create("https://data.jobs.iot.ap-southeast-2.amazonaws.com"));
        assertThat(fromEnvironment.region()).isEqualTo("ap-southeast-2");
        assertThatThrownBy(() -> JobsDataClient.builder().environment(Map.of()).region("us-east-1").build())
                .hasMessageContaining("AWS_ACCESS_KEY_ID");
        assertThatThrownBy(() -> JobsDataClient.builder().environment(Map.of()).security(Security.hmac("x")).build())
                .hasMessageContaining("region");
        assertThat(JobsDataClient.builder().environment(Map.of()).security(Security.hmac("x")).serverUrl("http://localhost:9290").build()
                .region()).isEqualTo("us-east-1");
    }
}
