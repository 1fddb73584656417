package dev.fleetjobs.server.auth;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies AWS Signature Version 4 on requests from the AWS SDKs and the AWS CLI, in the
 * {@code Authorization} header form and the presigned query form. Stateless apart from a bounded
 * cache of derived signing keys; safe to share between threads.
 */
public final class SigV4Verifier {

    public static final Duration DEFAULT_MAX_SKEW = Duration.ofMinutes(15);

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String MISMATCH = "The request signature we calculated does not match the signature"
            + " you provided. Check your AWS Secret Access Key and signing method. Consult the service"
            + " documentation for details.";

    private final CredentialsLookup credentials;
    private final Clock realClock;
    private final Duration maxSkew;
    private final SigningKeys signingKeys = new SigningKeys();

    public SigV4Verifier(CredentialsLookup credentials, Clock realClock) {
        this(credentials, realClock, DEFAULT_MAX_SKEW);
    }

    /** @param realClock the wall clock; never a scenario or test-controlled clock in a running server */
    public SigV4Verifier(CredentialsLookup credentials, Clock realClock, Duration maxSkew) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.realClock = Objects.requireNonNull(realClock, "realClock");
        if (maxSkew.isNegative()) {
            throw new IllegalArgumentException("maxSkew must not be negative: " + maxSkew);
        }
        this.maxSkew = maxSkew;
    }

    /**
     * The credential-scope service a request claims, without verifying anything. Cheap enough for
     * logging or choosing an error shape early; route only on {@link #verify}'s result.
     */
    public static Optional<String> signingService(SignedRequest request) {
        String credential = null;
        String authorization = request.header("authorization");
        if (authorization != null) {
            int start = authorization.indexOf("Credential=");
            if (start >= 0) {
                int end = authorization.indexOf(',', start);
                credential = authorization.substring(start + "Credential=".length(),
                        end < 0 ? authorization.length() : end).trim();
            }
        } else {
            List<String> values = CanonicalRequest.parseQuery(request.rawQuery()).get("X-Amz-Credential");
            credential = values == null ? null : values.get(0);
        }
        if (credential == null) {
            return Optional.empty();
        }
        String[] parts = credential.split("/", -1);
        return parts.length == 5 && !parts[3].isEmpty() ? Optional.of(parts[3]) : Optional.empty();
    }

    /**
     * Checks the signature of {@code request}.
     *
     * @throws MissingAuthenticationTokenException no signature at all
     * @throws IncompleteSignatureException malformed signature parts or signing date
     * @throws UnrecognizedClientException unknown access key id
     * @throws InvalidSignatureException the signature does not verify, the scope is wrong, or the
     *     signing time is outside the allowed skew
     */
    public VerifiedRequest verify(SignedRequest request) {
        SignatureParts parts = signatureParts(request);
        CredentialScope scope = CredentialScope.parse(parts.credential());
        // the basic format, which every SDK sends, is already the canonical form; another accepted form is rewritten into it
        Instant basic = BasicDate.parse(parts.dateText());
        Instant signedAt = basic != null ? basic : parseDate(parts.dateText());
        String amzDate = basic != null ? parts.dateText() : AMZ_DATE.format(signedAt);
        checkScope(scope, amzDate);
        if (!parts.signedHeaders().contains("host")) {
            throw new InvalidSignatureException("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        checkTime(signedAt, parts);
        String secret = credentials.secretKeyFor(scope.accessKeyId())
                .orElseThrow(() -> new UnrecognizedClientException("The security token included in the request is invalid."));

        String bodyHash = SigningKeys.sha256Hex(request.body());
        List<String> payloadHashes = new ArrayList<>(2);
        payloadHashes.add(bodyHash);
        if (parts.presigned()) {
            payloadHashes.add(UNSIGNED_PAYLOAD);
        } else {
            checkContentSha256(request.header("x-amz-content-sha256"), bodyHash);
        }

        byte[] signingKey = signingKeys.signingKey(secret, scope);
        byte[] provided = parts.signature().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        String firstCanonical = null;
        String firstStringToSign = null;
        for (String payloadHash : payloadHashes) {
            String canonical = CanonicalRequest.build(request, parts, payloadHash);
            String stringToSign = AuthorizationHeader.ALGORITHM + "\n" + amzDate + "\n" + scope.scope() + "\n"
                    + SigningKeys.sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
            byte[] expected = SigningKeys.hex(SigningKeys.hmac(signingKey, stringToSign))
                    .getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, provided)) {
                return new VerifiedRequest(scope.accessKeyId(), scope.region(), scope.service());
            }
            if (firstCanonical == null) {
                firstCanonical = canonical;
                firstStringToSign = stringToSign;
            }
        }
        // the same hint AWS gives: the strings it signed, which contain nothing secret
        throw new InvalidSignatureException(MISMATCH
                + "\n\nThe Canonical String for this request should have been\n'" + firstCanonical + "'\n\n"
                + "The String-to-Sign should have been\n'" + firstStringToSign + "'\n");
    }

    private static SignatureParts signatureParts(SignedRequest request) {
        List<String> authorizations = request.headers().get("authorization");
        if (authorizations != null && authorizations.size() > 1) {
            // A proxy and this server could each take a different one: refuse rather than pick.
            throw new InvalidRequestException("The request carries more than one Authorization header.");
        }
        String authorization = request.header("authorization");
        if (authorization != null && !authorization.isBlank()) {
            String dateText = request.header("x-amz-date");
            return AuthorizationHeader.parse(authorization, dateText != null ? dateText : request.header("date"));
        }
        Map<String, List<String>> query = CanonicalRequest.parseQuery(request.rawQuery());
        if (PresignedQuery.isPresigned(query)) {
            return PresignedQuery.parse(query);
        }
        throw new MissingAuthenticationTokenException("Missing Authentication Token");
    }

    static Instant parseDate(String text) {
        try {
            return Instant.from(AMZ_DATE.parse(text));
        } catch (DateTimeParseException notBasicFormat) {
            try {
                return Instant.from(DateTimeFormatter.RFC_1123_DATE_TIME.parse(text));
            } catch (DateTimeParseException notHttpDate) {
                throw new IncompleteSignatureException("Date must be in ISO-8601 'basic format'. Got '" + text
                        + "'. See http://en.wikipedia.org/wiki/ISO_8601");
            }
        }
    }

    static void checkScope(CredentialScope scope, String amzDate) {
        StringBuilder problems = new StringBuilder();
        if (scope.region().isEmpty()) {
            problems.append("Credential should be scoped to a valid region, not ''. ");
        }
        if (scope.service().isEmpty()) {
            problems.append("Credential should be scoped to a valid service, not ''. ");
        }
        if (!scope.terminator().equals(CredentialScope.TERMINATOR)) {
            problems.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(scope.terminator()).append("'. ");
        }
        String dateOfSigning = amzDate.substring(0, 8);
        if (!scope.date().equals(dateOfSigning)) {
            problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(scope.date()).append("' != '").append(dateOfSigning).append("', from '")
                    .append(amzDate).append("'. ");
        }
        if (scope.accessKeyId().isEmpty()) {
            throw new UnrecognizedClientException("The security token included in the request is invalid.");
        }
        if (problems.length() > 0) {
            throw new InvalidSignatureException(problems.toString().trim());
        }
    }

    private void checkTime(Instant signedAt, SignatureParts parts) {
        Instant now = realClock.instant();
        if (signedAt.isAfter(now.plus(maxSkew))) {
            throw new InvalidSignatureException("Signature not yet current: " + AMZ_DATE.format(signedAt)
                    + " is still later than " + AMZ_DATE.format(now.plus(maxSkew))
                    + " (" + AMZ_DATE.format(now) + " + " + describe(maxSkew) + ")");
        }
        Duration validFor = parts.presigned() ? parts.expires() : maxSkew;
        if (signedAt.isBefore(now.minus(validFor))) {
            throw new InvalidSignatureException("Signature expired: " + AMZ_DATE.format(signedAt)
                    + " is now earlier than " + AMZ_DATE.format(now.minus(validFor))
                    + " (" + AMZ_DATE.format(now) + " - " + describe(validFor) + ")");
        }
    }

    private static void checkContentSha256(String declared, String bodyHash) {
        if (declared == null) {
            return;
        }
        if (declared.trim().equals(UNSIGNED_PAYLOAD)) {
            throw new InvalidSignatureException("UNSIGNED-PAYLOAD is not accepted by this service;"
                    + " sign the payload or leave out 'x-amz-content-sha256'.");
        }
        if (!declared.trim().equalsIgnoreCase(bodyHash)) {
            throw new InvalidSignatureException(
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
    }

    private static String describe(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
    }
}
