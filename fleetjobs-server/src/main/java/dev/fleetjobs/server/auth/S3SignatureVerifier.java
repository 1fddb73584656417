package dev.fleetjobs.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * SigV4 as S3 checks it: the canonical URI is the path as sent (S3 neither normalizes it nor
 * encodes it again), and the payload hash is the one the client declares in
 * {@code x-amz-content-sha256} (the body streams in after the headers, so the caller checks it
 * against what arrives), or {@code UNSIGNED-PAYLOAD} for a presigned URL. Refusals carry S3's
 * error codes. A presigned URL's lifetime is measured on the clock given for its access key, so a
 * URL the server made on the job clock is checked on the job clock.
 */
public final class S3SignatureVerifier {

    public static final String SERVICE = "s3";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    private final CredentialsLookup credentials;
    private final Clock realClock;
    private final Duration maxSkew;
    private final Function<String, Clock> presignClock;
    private final SigningKeys signingKeys = new SigningKeys();

    /** @param presignClock the clock a presigned URL of the given access key id is checked on */
    public S3SignatureVerifier(CredentialsLookup credentials, Clock realClock, Duration maxSkew, Function<String, Clock> presignClock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.realClock = Objects.requireNonNull(realClock, "realClock");
        this.maxSkew = maxSkew;
        this.presignClock = Objects.requireNonNull(presignClock, "presignClock");
    }

    /** What verified: who signed, and the payload hash the signature covers. */
    public record Verified(String accessKeyId, String region, boolean presigned, String payloadHash) {
    }

    /** Whether a request claims the S3 signing name, without verifying anything (to pick the plane early). */
    public static boolean claimsS3(SignedRequest request) {
        return SigV4Verifier.signingService(request).map(SERVICE::equals).orElse(false);
    }

    public Verified verify(SignedRequest request) {
        SignatureParts parts = parts(request);
        CredentialScope scope;
        Instant signedAt;
        try {
            scope = CredentialScope.parse(parts.credential());
            signedAt = SigV4Verifier.parseDate(parts.dateText());
            SigV4Verifier.checkScope(scope, SigV4Verifier.AMZ_DATE.format(signedAt));
        } catch (IncompleteSignatureException | InvalidSignatureException e) {
            throw malformed(parts, e.getMessage());
        } catch (UnrecognizedClientException e) {
            throw invalidKey();
        }
        if (!scope.service().equals(SERVICE)) {
            throw malformed(parts, "The credential should be scoped to the service 's3', not '" + scope.service() + "'.");
        }
        if (!parts.signedHeaders().contains("host")) {
            throw malformed(parts, "'host' must be a signed header.");
        }
        String secret = credentials.secretKeyFor(scope.accessKeyId()).orElseThrow(S3SignatureVerifier::invalidKey);
        checkTime(scope.accessKeyId(), signedAt, parts);
        String payloadHash = payloadHash(request, parts);
        byte[] signingKey = signingKeys.signingKey(secret, scope);
        byte[] provided = parts.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String amzDate = SigV4Verifier.AMZ_DATE.format(signedAt);
        String asSent = request.rawPath().isEmpty() ? "/" : request.rawPath();
        String reencoded = UriEncoding.encode(UriEncoding.decode(asSent), true);
        for (String uri : asSent.equals(reencoded) ? List.of(asSent) : List.of(asSent, reencoded)) {
            String canonical = CanonicalRequest.build(request, parts, uri, payloadHash);
            String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope.scope() + "\n"
                    + SigningKeys.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
            byte[] expected = SigningKeys.hex(SigningKeys.hmac(signingKey, stringToSign)).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, provided)) {
                return new Verified(scope.accessKeyId(), scope.region(), parts.presigned(), payloadHash);
            }
        }
        throw new S3SignatureException("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the"
                + " signature you provided. Check your key and signing method.");
    }

    private static SignatureParts parts(SignedRequest request) {
        String authorization = request.header("authorization");
        if (authorization != null && !authorization.isBlank()) {
            String dateText = request.header("x-amz-date");
            try {
                return AuthorizationHeader.parse(authorization, dateText != null ? dateText : request.header("date"));
            } catch (IncompleteSignatureException e) {
                throw new S3SignatureException("AuthorizationHeaderMalformed", 400, e.getMessage());
            }
        }
        Map<String, List<String>> query = CanonicalRequest.parseQuery(request.rawQuery());
        if (PresignedQuery.isPresigned(query)) {
            try {
                return PresignedQuery.parse(query);
            } catch (IncompleteSignatureException e) {
                throw new S3SignatureException("AuthorizationQueryParametersError", 400, e.getMessage());
            }
        }
        throw new S3SignatureException("AccessDenied", 403, "Access Denied: the request is not signed.");
    }

    private void checkTime(String accessKeyId, Instant signedAt, SignatureParts parts) {
        if (parts.presigned()) {
            Instant now = presignClock.apply(accessKeyId).instant();
            if (signedAt.isAfter(now.plus(maxSkew))) {
                throw new S3SignatureException("AccessDenied", 403, "Request is not valid yet");
            }
            if (!now.isBefore(signedAt.plus(parts.expires()))) {
                throw new S3SignatureException("AccessDenied", 403, "Request has expired");
            }
            return;
        }
        Instant now = realClock.instant();
        if (signedAt.isAfter(now.plus(maxSkew)) || signedAt.isBefore(now.minus(maxSkew))) {
            throw new S3SignatureException("RequestTimeTooSkewed", 403,
                    "The difference between the request time and the current time is too large.");
        }
    }

    private static String payloadHash(SignedRequest request, SignatureParts parts) {
        String declared = request.header("x-amz-content-sha256");
        if (declared == null) {
            if (parts.presigned()) {
                return UNSIGNED_PAYLOAD;
            }
            throw new S3SignatureException("InvalidRequest", 400, "Missing required header for this request: x-amz-content-sha256");
        }
        String hash = declared.trim();
        boolean hex = hash.length() == 64 && hash.chars().allMatch(c -> Character.digit(c, 16) >= 0);
        if (!hex && !hash.equals(UNSIGNED_PAYLOAD)) {
            throw new S3SignatureException("InvalidArgument", 400, "x-amz-content-sha256 must be the SHA-256 of the payload in"
                    + " hex or UNSIGNED-PAYLOAD; the streaming (aws-chunked) forms are not supported here.");
        }
        return hex ? hash.toLowerCase(Locale.ROOT) : hash;
    }

    private static S3SignatureException malformed(SignatureParts parts, String message) {
        return new S3SignatureException(parts.presigned() ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed",
                400, message);
    }

    private static S3SignatureException invalidKey() {
        return new S3SignatureException("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
    }
}
