package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests signed in-test by the AWS SDK for Java v2 signer (signing names {@code iot}, {@code iot-jobs-data}). */
class SigV4VerifierSdkSignerTest {

    @ParameterizedTest(name = "{0} {1} as {2}")
    @CsvSource(delimiter = '|', value = {
        "PUT  | /things/t1/jobs/$next                                         | iot-jobs-data | {\"stepTimeoutInMinutes\":5}",
        "GET  | /things/t1/jobs/%24next                                       | iot-jobs-data | ",
        "GET  | /things/my%3Athing/jobs/j1?includeJobDocument=false&executionNumber=2 | iot-jobs-data | ",
        "GET  | /things/t1/jobs?maxResults=10&nextToken=abc%2Fdef%3D          | iot           | ",
        "GET  | /things/t1/jobs?nextToken=&maxResults=10                      | iot           | ",
        "GET  | /jobs?a=2&a=1&A=3&a-b=0                                       | iot           | ",
        "POST | /things/t1/jobs/j1                                            | iot-jobs-data | {\"status\":\"SUCCEEDED\",\"expectedVersion\":2}",
        "PUT  | /jobs/j1                                                      | iot           | {\"targets\":[\"arn:aws:iot:us-east-1:123456789012:thing/t1\"]}",
        "GET  | /things/t%C3%A9st/jobs                                        | iot           | ",
    })
    void sdkSignedRequestVerifies(String method, String target, String service, String body) {
        SignedRequest request = SdkSigning.sign(method, target, service, body);

        assertThat(request.header("x-amz-content-sha256")).isNotNull();
        assertThat(SdkSigning.verifierAt(Duration.ZERO).verify(request))
                .isEqualTo(new VerifiedRequest("AKIDEXAMPLE", "eu-west-1", service));
    }

    @Test
    void presignedGetVerifiesWithinItsExpiry() {
        SignedRequest request = SdkSigning.presign(
                "GET", "/things/t1/jobs/%24next?includeJobDocument=true", "iot-jobs-data", Duration.ofMinutes(30));

        assertThat(request.header("authorization")).isNull();
        assertThat(request.rawQuery()).contains("X-Amz-Signature=");
        assertThat(SdkSigning.verifierAt(Duration.ofMinutes(29)).verify(request).service()).isEqualTo("iot-jobs-data");
        assertThat(SigV4Verifier.signingService(request)).contains("iot-jobs-data");
    }

    @Test
    void presignedRequestIsRefusedAfterItsExpiry() {
        SignedRequest request = SdkSigning.presign("GET", "/things/t1/jobs", "iot", Duration.ofMinutes(5));

        assertThatThrownBy(() -> SdkSigning.verifierAt(Duration.ofMinutes(6)).verify(request))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageStartingWith("Signature expired: 20260304T050607Z is now earlier than 20260304T050707Z");
    }

    @Test
    void presignedRequestWithAlteredQueryIsRefused() {
        SignedRequest request = SdkSigning.presign("GET", "/things/t1/jobs?maxResults=10", "iot", Duration.ofMinutes(5));
        SignedRequest altered = new SignedRequest(request.method(), request.rawPath(),
                request.rawQuery().replace("maxResults=10", "maxResults=11"), request.headers(), request.body());

        assertThatThrownBy(() -> SdkSigning.verifierAt(Duration.ZERO).verify(altered))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void partialPresignedQueryIsIncomplete() {
        SignedRequest request = new SignedRequest("GET", "/things/t1/jobs",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00", Map.of("Host", List.of("h")), null);

        assertThatThrownBy(() -> SdkSigning.verifierAt(Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessageContaining("AWS query-string parameters must include 'X-Amz-Credential'.");
    }

    @ParameterizedTest(name = "X-Amz-Expires={0}")
    @ValueSource(strings = {"+300", "0300", "300 ", "3e2", "-300", "0", "604801"})
    void presignedExpiryMustBeWrittenInPlainDigitsWithinTheRange(String expires) {
        SignedRequest request = SdkSigning.presign("GET", "/things/t1/jobs", "iot", Duration.ofMinutes(5));
        SignedRequest altered = new SignedRequest(request.method(), request.rawPath(),
                request.rawQuery().replace("X-Amz-Expires=300", "X-Amz-Expires=" + expires.replace("+", "%2B").replace(" ", "%20")),
                request.headers(), request.body());
        assertThat(altered.rawQuery()).doesNotContain("X-Amz-Expires=300&");

        assertThatThrownBy(() -> SdkSigning.verifierAt(Duration.ZERO).verify(altered))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessage("X-Amz-Expires must be between 1 and 604800 seconds, written in digits only.");
    }

    @Test
    void aSecondAuthorizationHeaderIsRefusedWhicheverComesFirst() {
        SignedRequest signed = SdkSigning.sign("GET", "/things/t1/jobs", "iot", null);
        String valid = signed.header("authorization");
        for (List<String> both : List.of(List.of(valid, "AWS4-HMAC-SHA256 Credential=x"), List.of("AWS4-HMAC-SHA256 Credential=x", valid))) {
            Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(signed.headers());
            headers.put("Authorization", both);
            SignedRequest twice = new SignedRequest(signed.method(), signed.rawPath(), signed.rawQuery(), headers, signed.body());

            assertThatThrownBy(() -> SdkSigning.verifierAt(Duration.ZERO).verify(twice))
                    .isInstanceOf(dev.fleetjobs.core.error.InvalidRequestException.class)
                    .hasMessage("The request carries more than one Authorization header.");
        }
        assertThat(SdkSigning.verifierAt(Duration.ZERO).verify(signed).service()).isEqualTo("iot");
    }
}
