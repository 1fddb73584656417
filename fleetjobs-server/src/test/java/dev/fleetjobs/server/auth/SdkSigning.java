package dev.fleetjobs.server.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner.AuthLocation;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Signs requests in-test with the AWS SDK for Java v2's own SigV4 signer, as its service clients do. */
final class SdkSigning {

    static final Instant SIGNED_AT = Instant.parse("2026-03-04T05:06:07Z");
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private SdkSigning() {}

    /** Header-form signature; {@code target} is the raw path and query as they go on the wire. */
    static SignedRequest sign(String method, String target, String service, String body) {
        return sign(method, target, service, body, null);
    }

    /** Presigned (query-string) signature valid for {@code expires}. */
    static SignedRequest presign(String method, String target, String service, Duration expires) {
        return sign(method, target, service, null, expires);
    }

    private static SignedRequest sign(String method, String target, String service, String body, Duration expires) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://127.0.0.1:8443" + target));
        if (body != null) {
            http.putHeader("Content-Type", "application/json");
        }
        var signed = SIGNER.sign(r -> {
            r.identity(AwsCredentialsIdentity.create(CapturedRequests.ACCESS_KEY_ID, CapturedRequests.SECRET))
                    .request(http.build())
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-west-1")
                    .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED_AT, ZoneOffset.UTC));
            if (body != null) {
                r.payload(ContentStreamProvider.fromUtf8String(body));
            }
            if (expires != null) {
                r.putProperty(AwsV4HttpSigner.AUTH_LOCATION, AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires);
            }
        });
        SdkHttpRequest request = signed.request();
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        // the HTTP client adds Host on the wire; the signer signed the same value
        headers.putIfAbsent("Host", List.of("127.0.0.1:8443"));
        return new SignedRequest(request.method().name(), request.encodedPath(),
                request.encodedQueryParameters().orElse(null), headers,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    static SigV4Verifier verifierAt(Duration offset) {
        return new SigV4Verifier(CapturedRequests::lookup, Clock.fixed(SIGNED_AT.plus(offset), ZoneOffset.UTC),
                SigV4Verifier.DEFAULT_MAX_SKEW);
    }
}
