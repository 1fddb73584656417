package dev.fleetjobs.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The form of what the signer sends. Whether the signature is right is checked live by the
 * server's SigV4 verifier in fleetjobs-e2e's DevClockCommandTest.
 */
class RequestSignerTest {

    @Test
    void headersCarryTheScopeTheSignedHeadersAndADeterministicSignature() {
        RequestSigner signer = new RequestSigner(new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null),
                "us-east-1", "iot");
        byte[] body = "{\"advanceSeconds\":60}".getBytes(StandardCharsets.UTF_8);
        Instant at = Instant.parse("2025-03-10T12:00:00Z");
        Map<String, String> headers = signer.sign("POST", URI.create("http://localhost:9290/_dev/clock"), body, at);
        assertThat(headers).containsEntry("x-amz-date", "20250310T120000Z").doesNotContainKey("host");
        assertThat(headers.get("authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250310/us-east-1/iot/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=")
                .matches(".*Signature=[0-9a-f]{64}");
        assertThat(signer.sign("POST", URI.create("http://localhost:9290/_dev/clock"), body, at)).isEqualTo(headers);
        assertThat(signer.sign("POST", URI.create("http://localhost:9291/_dev/clock"), body, at).get("authorization"))
                .as("the host is signed").isNotEqualTo(headers.get("authorization"));
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        RequestSigner signer = new RequestSigner(new Credentials("AKID", "secret", "token-1"), "eu-west-1", "iot");
        Map<String, String> headers = signer.sign("POST", URI.create("http://h/_dev/clock"), new byte[0], Instant.EPOCH);
        assertThat(headers).containsEntry("x-amz-security-token", "token-1");
        assertThat(headers.get("authorization")).contains("x-amz-date;x-amz-security-token").contains("/eu-west-1/iot/");
    }
}
