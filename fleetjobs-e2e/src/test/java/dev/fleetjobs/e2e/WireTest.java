package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only raw HTTP shows: routing by signing name, both forms of {@code $next}, signatures, error shapes. */
class WireTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private RunningServer server;
    private RawClient raw;

    @BeforeEach
    void start() {
        server = RunningServer.start(dataDir);
        raw = new RawClient(server.endpoint());
        Fleet fleet = new Fleet(server.iot());
        fleet.thing("t:1");
        fleet.job("j1", "{\"a\":1}", "t:1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSamePathIsRoutedByTheSigningName() throws Exception {
        JsonNode dataPlane = json(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs", null));
        assertThat(dataPlane.has("queuedJobs")).isTrue();
        assertThat(dataPlane.has("inProgressJobs")).isTrue();
        assertThat(dataPlane.get("queuedJobs").get(0).has("status")).isFalse();

        JsonNode controlPlane = json(raw.signed("iot", "GET", "/things/t%3A1/jobs", null));
        assertThat(controlPlane.get("executionSummaries").get(0).get("jobId").asText()).isEqualTo("j1");
        JsonNode viaCli = json(raw.signed("execute-api", "GET", "/things/t%3A1/jobs", null));
        assertThat(viaCli.has("executionSummaries")).isTrue();

        JsonNode dpExecution = json(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/j1", null)).get("execution");
        assertThat(dpExecution.get("queuedAt").isIntegralNumber()).isTrue();
        assertThat(dpExecution.get("jobDocument").isTextual()).isTrue();
        JsonNode cpExecution = json(raw.signed("iot", "GET", "/things/t%3A1/jobs/j1", null)).get("execution");
        assertThat(cpExecution.has("jobDocument")).isFalse();
        assertThat(cpExecution.get("statusDetails").has("detailsMap")).isTrue();
    }

    @Test
    void nextIsAcceptedInBothWireForms() throws Exception {
        assertThat(json(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/%24next", null)).get("execution").get("jobId").asText())
                .isEqualTo("j1");
        assertThat(json(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/$next", null)).get("execution").get("jobId").asText())
                .isEqualTo("j1");
        JsonNode started = json(raw.signed("iot-jobs-data", "PUT", "/things/t%3A1/jobs/%24next", "{}"));
        assertThat(started.get("execution").get("status").asText()).isEqualTo("IN_PROGRESS");
        JsonNode again = json(raw.signed("iot-jobs-data", "PUT", "/things/t%3A1/jobs/$next", null));
        assertThat(again.get("execution").get("versionNumber").asLong()).isEqualTo(2);
    }

    @Test
    void emptyResultsOmitMembersAndErrorsHaveTheAwsShape() throws Exception {
        raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":\"SUCCEEDED\"}");
        HttpResponse<String> nothing = raw.signed("iot-jobs-data", "PUT", "/things/t%3A1/jobs/$next", "{}");
        assertThat(nothing.statusCode()).isEqualTo(200);
        assertThat(nothing.body()).isEqualTo("{}");
        assertThat(nothing.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(nothing.headers().firstValue("Content-Type")).hasValue("application/json");

        HttpResponse<String> missing = raw.signed("iot-jobs-data", "GET", "/things/ghost/jobs", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("x-amzn-ErrorType")).hasValue("ResourceNotFoundException");
        assertThat(missing.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(JSON.readTree(missing.body()).get("message").asText()).contains("ghost");
    }

    @Test
    void malformedInputIsRefusedWithAMessageNamingTheProblem() throws Exception {
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{not json"), 400, "InvalidRequestException", "json");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "[1]"), 400, "InvalidRequestException", "object");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":5}"), 400, "InvalidRequestException", "status");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{}"), 400, "InvalidRequestException", "status");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"2\"}"),
                400, "InvalidRequestException", "expectedVersion");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1",
                "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":99999999999999999999999}"), 400, "InvalidRequestException", "expectedVersion");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":\"IN_PROGRESS\",\"statusDetails\":{\"k\":1}}"),
                400, "InvalidRequestException", "statusDetails.k");
        assertError(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/j1?includeJobDocument=maybe", null),
                400, "InvalidRequestException", "includeJobDocument");
        assertError(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/j1?executionNumber=x", null),
                400, "InvalidRequestException", "executionNumber");
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":\"IN_PROGRESS\",\"x\":" + "[".repeat(100)
                + "]".repeat(100) + "}"), 400, "InvalidRequestException", "");
        String huge = "{\"status\":\"IN_PROGRESS\",\"pad\":\"" + "x".repeat(300 * 1024) + "\"}";
        assertError(raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", huge), 400, "InvalidRequestException", "larger");
        assertError(raw.signed("iot", "GET", "/no/such/route", null), 404, "UnknownOperationException", "");
        assertError(raw.signed("iot-jobs-data", "DELETE", "/things/t%3A1/jobs/j1", null), 404, "UnknownOperationException", "");

        JsonNode state = json(raw.signed("iot-jobs-data", "GET", "/things/t%3A1/jobs/j1", null)).get("execution");
        assertThat(state.get("status").asText()).as("nothing refused was written").isEqualTo("QUEUED");
        assertThat(state.get("versionNumber").asLong()).isEqualTo(1);
    }

    @Test
    void requestsWithoutAValidSignatureAreRefused() {
        assertError(raw.unsigned("GET", "/things", null), 403, "MissingAuthenticationTokenException", "");
        assertError(raw.signed("iot", "GET", "/things", null, "UNKNOWNKEY", RunningServer.SECRET_KEY, Clock.systemUTC(),
                UnaryOperator.identity()), 403, "UnrecognizedClientException", "");
        assertError(raw.signed("iot", "GET", "/things", null, RunningServer.ACCESS_KEY, "wrong-secret", Clock.systemUTC(),
                UnaryOperator.identity()), 403, "InvalidSignatureException", "");
        Clock old = Clock.fixed(Instant.now().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        assertError(raw.signed("iot", "GET", "/things", null, RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY, old,
                UnaryOperator.identity()), 403, "InvalidSignatureException", "expired");
        assertError(raw.signed("iot", "GET", "/things", null, RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY, Clock.systemUTC(),
                b -> b.setHeader("Authorization", "AWS4-HMAC-SHA256 garbage")), 403, "IncompleteSignatureException", "");
        // a service this server does not serve (s3 is the artifact store's plane, answered in S3's XML shape)
        assertError(raw.signed("sqs", "GET", "/things", null), 403, "InvalidSignatureException", "");
    }

    @Test
    void aRequestAlteredAfterSigningChangesNothing() {
        HttpResponse<String> altered = raw.signed("iot-jobs-data", "POST", "/things/t%3A1/jobs/j1", "{\"status\":\"SUCCEEDED\"}",
                RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY, Clock.systemUTC(),
                b -> b.method("POST", java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"REJECTED\"}")));
        assertThat(altered.statusCode()).isEqualTo(403);
        assertThat(server.jobs().describeJobExecution(r -> r.thingName("t:1").jobId("j1")).execution().statusAsString()).isEqualTo("QUEUED");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (Exception e) {
            throw new AssertionError("error body is not JSON: " + response.body(), e);
        }
        assertThat(body.get("message").asText()).containsIgnoringCase(messagePart);
    }
}
