package dev.fleetjobs.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Makes presigned S3 GET URLs (SigV4 in the query, {@code host} the only signed header, unsigned
 * payload), the form {@link S3SignatureVerifier} and S3 itself accept.
 */
public final class S3UrlSigner {

    private final String accessKeyId;
    private final String secret;
    private final String region;
    private final SigningKeys signingKeys = new SigningKeys();

    public S3UrlSigner(String accessKeyId, String secret, String region) {
        this.accessKeyId = accessKeyId;
        this.secret = secret;
        this.region = region;
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    /**
     * @param origin {@code scheme://host[:port]} exactly as the device will send it as {@code Host}
     */
    public String presignGet(String origin, String bucket, String key, Instant now, Duration expires) {
        String amzDate = SigV4Verifier.AMZ_DATE.format(now);
        CredentialScope scope = new CredentialScope(accessKeyId, amzDate.substring(0, 8), region, S3SignatureVerifier.SERVICE,
                CredentialScope.TERMINATOR);
        String path = "/" + UriEncoding.encode(bucket, false) + "/" + UriEncoding.encode(key, true);
        String query = "X-Amz-Algorithm=" + AuthorizationHeader.ALGORITHM
                + "&X-Amz-Credential=" + UriEncoding.encode(accessKeyId + "/" + scope.scope(), false)
                + "&X-Amz-Date=" + amzDate
                + "&X-Amz-Expires=" + expires.toSeconds()
                + "&X-Amz-SignedHeaders=host";
        String host = origin.substring(origin.indexOf("://") + 3);
        SignedRequest request = new SignedRequest("GET", path, query, Map.of("host", List.of(host)), null);
        SignatureParts parts = new SignatureParts(accessKeyId + "/" + scope.scope(), List.of("host"), "", amzDate, expires);
        String canonical = CanonicalRequest.build(request, parts, path, S3SignatureVerifier.UNSIGNED_PAYLOAD);
        String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope.scope() + "\n"
                + SigningKeys.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
        String signature = SigningKeys.hex(SigningKeys.hmac(signingKeys.signingKey(secret, scope), stringToSign));
        return origin + path + "?" + query + "&X-Amz-Signature=" + signature;
    }

    @Override
    public String toString() {
        return "S3UrlSigner[" + accessKeyId + ", secret hidden]";
    }
}
