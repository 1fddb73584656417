package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Requests captured on the wire from aws-cli 2.9.19 and aws-sdk-java 2.40.2 verify unchanged. */
class SigV4VerifierCapturedTest {

    static Stream<String> captured() {
        return CapturedRequests.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("captured")
    void capturedRequestVerifies(String name) {
        SignedRequest request = CapturedRequests.load(name);

        VerifiedRequest verified = CapturedRequests.verifierAt(request, Duration.ZERO).verify(request);

        assertThat(verified).isEqualTo(new VerifiedRequest("AKIDEXAMPLE", "us-east-1", expectedService(name)));
        assertThat(SigV4Verifier.signingService(request)).contains(expectedService(name));
    }

    @Test
    void theCliSignsTheControlPlaneAsExecuteApiAndSendsNoPayloadHash() {
        SignedRequest request = CapturedRequests.load("cli-iot-create-job");

        assertThat(request.header("x-amz-content-sha256")).isNull();
        assertThat(CapturedRequests.verifierAt(request, Duration.ZERO).verify(request).service())
                .isEqualTo("execute-api");
    }

    @Test
    void dollarNextArrivesLiterallyOnPutAndEncodedOnGet() {
        assertThat(CapturedRequests.load("sdk-jobsdata-start-next-pending").rawPath()).isEqualTo("/things/t1/jobs/$next");
        assertThat(CapturedRequests.load("cli-jobsdata-start-next-pending").rawPath()).isEqualTo("/things/t1/jobs/$next");
        assertThat(CapturedRequests.load("sdk-jobsdata-describe-job-execution-next").rawPath())
                .isEqualTo("/things/t1/jobs/%24next");
        assertThat(CapturedRequests.load("cli-jobsdata-describe-job-execution-next").rawPath())
                .isEqualTo("/things/t1/jobs/%24next");
    }

    private static String expectedService(String name) {
        if (name.startsWith("cli-iot-")) {
            return "execute-api";
        }
        return name.startsWith("sdk-iot-") ? "iot" : "iot-jobs-data";
    }
}
