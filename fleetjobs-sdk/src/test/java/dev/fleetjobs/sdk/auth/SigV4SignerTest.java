package dev.fleetjobs.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.sdk.http.WireRequest;
import dev.fleetjobs.server.auth.InvalidSignatureException;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.auth.SignedRequest;
import dev.fleetjobs.server.auth.VerifiedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** Our signer against two oracles: the AWS SDK's own SigV4 signer, and the server's verifier. */
class SigV4SignerTest {

    private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    private static final AwsCredentials KEYS = AwsCredentials.of("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    private static final AwsCredentials SESSION = new AwsCredentials("ASIAEXAMPLE", "temporary/secret", "session-token+/=");

    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET", "/things/pump%3A1/jobs", "", null, KEYS),
                Arguments.of("GET", "/things/t1/jobs/%24next", "includeJobDocument=false&executionNumber=7", null, KEYS),
                Arguments.of("PUT", "/things/t1/jobs/$next", "", "{\"stepTimeoutInMinutes\":5}", KEYS),
                Arguments.of("POST", "/things/t1/jobs/j%201", "", "{\"status\":\"SUCCEEDED\",\"statusDetails\":{\"k\":\"v \\u00e9\"}}", SESSION),
                Arguments.of("GET", "/jobs", "status=IN_PROGRESS&maxResults=2&nextToken=a%2Bb%3D&a-b=1&a=2", null, SESSION),
                Arguments.of("DELETE", "/jobs/j1", "force=true", null, KEYS));
    }

    @ParameterizedTest
    @MethodSource("requests")
    void signsExactlyLikeTheAwsSdk(String method, String path, String query, String body, AwsCredentials credentials) {
        WireRequest ours = sign(method, path, query, body, credentials, "iot-jobs-data");
        String theirs = awsSdkAuthorization(method, path, query, body, credentials, "iot-jobs-data");
        assertThat(ours.header("Authorization")).isEqualTo(theirs);
    }

    @ParameterizedTest
    @MethodSource("requests")
    void theServersVerifierAcceptsIt(String method, String path, String query, String body, AwsCredentials credentials) {
        WireRequest signed = sign(method, path, query, body, credentials, "iot");
        VerifiedRequest verified = verifier(credentials, NOW).verify(toServer(signed, "localhost:9290"));
        assertThat(verified.service()).isEqualTo("iot");
        assertThat(verified.accessKeyId()).isEqualTo(credentials.accessKeyId());
    }

    @Test
    void temporaryCredentialsSendAndSignTheToken() {
        WireRequest signed = sign("GET", "/things/t/jobs", "", null, SESSION, "iot-jobs-data");
        assertThat(signed.header("X-Amz-Security-Token")).isEqualTo("session-token+/=");
        assertThat(signed.header("Authorization")).contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,");
        assertThat(sign("GET", "/things/t/jobs", "", null, KEYS, "iot-jobs-data").header("X-Amz-Security-Token")).isNull();
    }

    @Test
    void anyChangeAfterSigningIsRefused() {
        WireRequest signed = sign("POST", "/things/t/jobs/j", "", "{\"status\":\"FAILED\"}", KEYS, "iot-jobs-data");
        SigV4Verifier verifier = verifier(KEYS, NOW);
        assertThatThrownBy(() -> verifier.verify(toServer(signed.withBody("{\"status\":\"SUCCEEDED\"}".getBytes(StandardCharsets.UTF_8)),
                "localhost:9290"))).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> verifier.verify(toServer(new WireRequest("POST", "/things/t/jobs/k", "", signed.headers(), signed.body()),
                "localhost:9290"))).isInstanceOf(InvalidSignatureException.class);
        assertThatThrownBy(() -> verifier.verify(toServer(signed, "otherhost:9290"))).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void canonicalUriEncodesTheWirePathOnceMore() {
        assertThat(SigV4Signer.canonicalUri("/things/t/jobs/$next")).isEqualTo("/things/t/jobs/%24next");
        assertThat(SigV4Signer.canonicalUri("/things/t/jobs/%24next")).isEqualTo("/things/t/jobs/%2524next");
        assertThat(SigV4Signer.canonicalUri("/a/./b/../c//d/")).isEqualTo("/a/c/d/");
        assertThat(SigV4Signer.canonicalUri("")).isEqualTo("/");
    }

    @Test
    void canonicalQuerySortsByNameThenValue() {
        assertThat(SigV4Signer.canonicalQuery("b=2&a-b=1&a=2&a=1&c")).isEqualTo("a=1&a=2&a-b=1&b=2&c=");
        assertThat(SigV4Signer.canonicalQuery("t=a%2bb+c")).isEqualTo("t=a%2Bb%2Bc");
    }

    private static WireRequest sign(String method, String path, String query, String body, AwsCredentials credentials, String service) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        WireRequest request = new WireRequest(method, path, query, headers, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
        return new SigV4Signer("us-east-1", service).sign(request, "localhost:9290", credentials, NOW);
    }

    private static String awsSdkAuthorization(String method, String path, String query, String body, AwsCredentials credentials,
                                              String service) {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://localhost:9290" + path + (query.isEmpty() ? "" : "?" + query)));
        if (body != null) {
            unsigned.putHeader("Content-Type", "application/json").contentStreamProvider(ContentStreamProvider.fromByteArray(bytes));
        }
        var identity = credentials.sessionToken() == null
                ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC))).request();
        return signed.firstMatchingHeader("Authorization").orElseThrow();
    }

    static SigV4Verifier verifier(AwsCredentials credentials, Instant now) {
        return new SigV4Verifier(key -> key.equals(credentials.accessKeyId()) ? Optional.of(credentials.secretAccessKey()) : Optional.empty(),
                Clock.fixed(now, ZoneOffset.UTC));
    }

    static SignedRequest toServer(WireRequest request, String host) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put("Host", List.of(host));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }
}
