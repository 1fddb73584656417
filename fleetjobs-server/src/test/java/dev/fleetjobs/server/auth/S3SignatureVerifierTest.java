package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** S3's flavour of SigV4: URLs from our own signer and from the AWS SDK's S3Presigner verify; changed or expired ones do not. */
class S3SignatureVerifierTest {

    private static final String KEY = "AKIDS3TEST0000000001";
    private static final String SECRET = "s3-test-secret";
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private final S3SignatureVerifier verifier = new S3SignatureVerifier(id -> id.equals(KEY) ? Optional.of(SECRET) : Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15), id -> Clock.fixed(NOW.plusSeconds(50), ZoneOffset.UTC));

    @Test
    void ourPresignedGetVerifiesUntilItExpiresOnThePresignClock() {
        String url = new S3UrlSigner(KEY, SECRET, "us-east-1").presignGet("http://127.0.0.1:9290", "firmware", "fw/release 2.bin", NOW,
                Duration.ofSeconds(60));
        assertThat(url).startsWith("http://127.0.0.1:9290/firmware/fw/release%202.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256&");
        assertThat(verifier.verify(get(url)).presigned()).isTrue();
        S3SignatureVerifier later = new S3SignatureVerifier(id -> Optional.of(SECRET), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofMinutes(15), id -> Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
        assertThatThrownBy(() -> later.verify(get(url))).isInstanceOfSatisfying(S3SignatureException.class,
                e -> assertThat(e.getMessage()).isEqualTo("Request has expired"));
        assertThatThrownBy(() -> verifier.verify(get(url.replace("release%202", "release%203"))))
                .isInstanceOfSatisfying(S3SignatureException.class, e -> assertThat(e.code()).isEqualTo("SignatureDoesNotMatch"));
    }

    @Test
    void theAwsSdkPresignersUrlsVerifyToo() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1).endpointOverride(URI.create("http://localhost:9290"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build()) {
            String url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(g -> g.bucket("firmware").key("dir/a b+c~d.bin"))).url().toString();
            Instant signedAt = Instant.from(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                    .withZone(ZoneOffset.UTC).parse(url.replaceAll(".*X-Amz-Date=(\\w+).*", "$1")));
            S3SignatureVerifier atThatTime = new S3SignatureVerifier(id -> Optional.of(SECRET), Clock.fixed(signedAt, ZoneOffset.UTC),
                    Duration.ofMinutes(15), id -> Clock.fixed(signedAt.plusSeconds(10), ZoneOffset.UTC));
            assertThat(atThatTime.verify(get(url)).accessKeyId()).isEqualTo(KEY);
        }
    }

    @Test
    void unsignedOrForeignRequestsAreRefusedWithS3Codes() {
        assertThatThrownBy(() -> verifier.verify(new SignedRequest("GET", "/firmware/a", null, Map.of("host", List.of("h")), null)))
                .isInstanceOfSatisfying(S3SignatureException.class, e -> assertThat(e.code()).isEqualTo("AccessDenied"));
        String url = new S3UrlSigner("AKIDSOMEONEELSE00000", SECRET, "us-east-1").presignGet("http://h", "firmware", "a", NOW,
                Duration.ofSeconds(60));
        assertThatThrownBy(() -> verifier.verify(get(url)))
                .isInstanceOfSatisfying(S3SignatureException.class, e -> assertThat(e.code()).isEqualTo("InvalidAccessKeyId"));
    }

    private static SignedRequest get(String url) {
        URI uri = URI.create(url);
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new SignedRequest("GET", uri.getRawPath(), uri.getRawQuery(), Map.of("host", List.of(host)), null);
    }
}
