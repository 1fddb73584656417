package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /_dev/clock}: only with --dev, only for signed control-plane callers, refusals in the AWS shape. */
class DevClockRouteTest {

    private static final Instant START = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void withoutDevTheRouteDoesNotExist() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            HttpResponse<String> response = new RawClient(server.endpoint()).signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":0}");
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
            assertThat(response.body()).contains("\"message\"").contains("/_dev/clock");
        }
    }

    @Test
    void withDevItMovesTheJobClockAndReadsItWithZero() {
        try (RunningServer server = RunningServer.startDev(dataDir, START)) {
            RawClient raw = new RawClient(server.endpoint());
            HttpResponse<String> read = raw.signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":0}");
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(read.body()).isEqualTo("{\"now\":" + START.getEpochSecond() + "}");
            assertThat(server.advanceClock(90)).isEqualTo(START.getEpochSecond() + 90);
            assertThat(server.advanceClock(0)).isEqualTo(START.getEpochSecond() + 90);
            assertThat(raw.signed("execute-api", "POST", "/_dev/clock", "{\"advanceSeconds\":10}").body())
                    .as("the AWS CLI's signing name reaches the control plane too").contains(Long.toString(START.getEpochSecond() + 100));
        }
    }

    @Test
    void refusalsNameTheFieldAndMoveNothing() {
        try (RunningServer server = RunningServer.startDev(dataDir, START)) {
            RawClient raw = new RawClient(server.endpoint());
            assertRefused(raw.signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":-1}"), 400, "InvalidRequestException",
                    "advanceSeconds");
            assertRefused(raw.signed("iot", "POST", "/_dev/clock", "{}"), 400, "InvalidRequestException", "advanceSeconds");
            assertRefused(raw.signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":\"60\"}"), 400, "InvalidRequestException",
                    "advanceSeconds");
            assertRefused(raw.signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":1.5}"), 400, "InvalidRequestException",
                    "advanceSeconds");
            assertRefused(raw.unsigned("POST", "/_dev/clock", "{\"advanceSeconds\":60}"), 403, "MissingAuthenticationTokenException", "");
            assertRefused(raw.signed("iot-jobs-data", "POST", "/_dev/clock", "{\"advanceSeconds\":60}"), 404,
                    "UnknownOperationException", "data-plane");
            assertRefused(raw.signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":60}", RunningServer.ACCESS_KEY, "wrong-secret",
                    java.time.Clock.systemUTC(), b -> b), 403, "InvalidSignatureException", "");
            assertThat(server.advanceClock(0)).as("nothing moved").isEqualTo(START.getEpochSecond());
        }
    }

    @Test
    void signaturesAreCheckedAgainstTheRealClockNotTheMovedOne() {
        try (RunningServer server = RunningServer.startDev(dataDir, START)) {
            assertThat(server.advanceClock(3 * 24 * 3600)).isEqualTo(START.getEpochSecond() + 3 * 24 * 3600);
            // Signed now by the wall clock: accepted although the job clock is days away from it.
            assertThat(server.iot().listThings(r -> r.maxResults(1)).things()).isEmpty();
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String type, String mentions) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains(type);
        assertThat(response.body()).contains(mentions);
    }
}
