package dev.fleetjobs.server.auth;

import static dev.fleetjobs.server.auth.CapturedRequests.amzDate;
import static dev.fleetjobs.server.auth.CapturedRequests.load;
import static dev.fleetjobs.server.auth.CapturedRequests.signedAt;
import static dev.fleetjobs.server.auth.CapturedRequests.verifierAt;
import static dev.fleetjobs.server.auth.CapturedRequests.withHeader;
import static dev.fleetjobs.server.auth.CapturedRequests.withHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Captured requests that are unsigned, malformed, stale or altered after signing are refused, each with its AWS error type. */
class SigV4VerifierRefusalTest {

    private static final String CLI_BODY = "cli-iot-create-job";
    private static final String SDK_BODY = "sdk-jobsdata-update-job-execution";
    private static final String MISMATCH = "The request signature we calculated does not match the signature you provided.";

    @Test
    void requestWithoutAnySignatureIsMissingAuthenticationToken() {
        SignedRequest request = withHeader(load(CLI_BODY), "Authorization", null);

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(MissingAuthenticationTokenException.class)
                .hasMessage("Missing Authentication Token")
                .extracting(e -> ((MissingAuthenticationTokenException) e).errorType())
                .isEqualTo("MissingAuthenticationTokenException");
    }

    @Test
    void authorizationWithoutSignatureAndSignedHeadersIsIncomplete() {
        SignedRequest request = withHeader(load(CLI_BODY), "Authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261126/us-east-1/execute-api/aws4_request");

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessage("Authorization header requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void pairWithoutEqualsSignIsIncomplete() {
        SignedRequest request = withHeader(load(CLI_BODY), "Authorization",
                "AWS4-HMAC-SHA256 Credential AKIDEXAMPLE/20261126/us-east-1/execute-api/aws4_request, SignedHeaders=host, Signature=ab");

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessageContaining("not a valid key=value pair (missing equal-sign) in Authorization header");
    }

    @Test
    void otherAuthorizationSchemesAreIncompleteWithoutEchoingTheirToken() {
        SignedRequest request = withHeader(load(CLI_BODY), "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.secret-token");

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessageEndingWith("Authorization=Bearer")
                .hasMessageNotContaining("secret-token");
    }

    @Test
    void missingXAmzDateIsIncomplete() {
        SignedRequest request = withHeader(load(CLI_BODY), "X-Amz-Date", null);

        assertThatThrownBy(() -> verifierAt(load(CLI_BODY), Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessage("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header."
                        + " Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void unparseableDateIsIncomplete() {
        SignedRequest request = withHeader(load(CLI_BODY), "X-Amz-Date", "2026-11-26T15:24:08Z");

        assertThatThrownBy(() -> verifierAt(load(CLI_BODY), Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessageStartingWith("Date must be in ISO-8601 'basic format'. Got '2026-11-26T15:24:08Z'.");
    }

    @Test
    void credentialWithoutFiveElementsIsIncomplete() {
        SignedRequest request = replaceInAuthorization(load(CLI_BODY), "/us-east-1/execute-api/aws4_request", "/us-east-1");

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(IncompleteSignatureException.class)
                .hasMessage("Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,"
                        + " got 'AKIDEXAMPLE/20261126/us-east-1'");
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() {
        SignedRequest request = replaceInAuthorization(load(SDK_BODY), "Credential=AKIDEXAMPLE/", "Credential=AKIDOTHER/");

        assertThatThrownBy(() -> verifierAt(request, Duration.ZERO).verify(request))
                .isInstanceOf(UnrecognizedClientException.class)
                .hasMessage("The security token included in the request is invalid.");
    }

    @Test
    void wrongSecretIsInvalidSignatureAndTheMessageNeverCarriesASecret() {
        SignedRequest request = load(SDK_BODY);
        SigV4Verifier verifier = new SigV4Verifier(key -> Optional.of("another-secret-EXAMPLEKEY"),
                Clock.fixed(signedAt(request), ZoneOffset.UTC), SigV4Verifier.DEFAULT_MAX_SKEW);

        assertThatThrownBy(() -> verifier.verify(request))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageStartingWith(MISMATCH)
                .hasMessageContaining("The Canonical String for this request should have been\n'POST\n/things/t1/jobs/j1\n")
                .hasMessageNotContaining("another-secret")
                .hasMessageNotContaining(CapturedRequests.SECRET);
    }

    @Test
    void alteredPathIsRefused() {
        SignedRequest original = load("cli-iot-describe-thing");
        SignedRequest request = new SignedRequest(original.method(), "/things/t2", original.rawQuery(),
                original.headers(), original.body());

        assertRefused(request, original, MISMATCH);
    }

    @Test
    void encodedAndLiteralDollarAreNotInterchangeable() {
        // the client signed the literal form; the same bytes arriving encoded must not verify
        SignedRequest original = load("sdk-jobsdata-start-next-pending");
        SignedRequest request = new SignedRequest(original.method(), "/things/t1/jobs/%24next", original.rawQuery(),
                original.headers(), original.body());

        assertRefused(request, original, MISMATCH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sdk-iot-list-job-executions-query", "cli-iot-list-jobs-query"})
    void alteredQueryValueIsRefused(String name) {
        SignedRequest original = load(name);
        SignedRequest request = new SignedRequest(original.method(), original.rawPath(),
                original.rawQuery().replace("maxResults=10", "maxResults=11"), original.headers(), original.body());

        assertRefused(request, original, MISMATCH);
    }

    @Test
    void alteredSignedHeaderIsRefused() {
        SignedRequest request = withHeader(load(CLI_BODY), "Content-Type", "application/x-amz-json-1.1");

        assertRefused(request, load(CLI_BODY), MISMATCH);
    }

    @Test
    void alteredUnsignedHeaderStillVerifies() {
        SignedRequest request = withHeader(load(CLI_BODY), "User-Agent", "something-else/1.0");

        assertThat(verifierAt(request, Duration.ZERO).verify(request).service()).isEqualTo("execute-api");
    }

    @ParameterizedTest
    @ValueSource(strings = {CLI_BODY, SDK_BODY})
    void oneAlteredBodyByteIsRefused(String name) {
        SignedRequest original = load(name);
        byte[] body = original.body().clone();
        body[body.length / 2] ^= 1;
        SignedRequest request = new SignedRequest(original.method(), original.rawPath(), original.rawQuery(),
                original.headers(), body);

        assertThatThrownBy(() -> verifierAt(original, Duration.ZERO).verify(request))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void payloadHashHeaderThatDoesNotMatchTheBodyIsRefused() {
        SignedRequest request = withHeader(load(SDK_BODY), "x-amz-content-sha256",
                SigningKeys.sha256Hex("{\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8)));

        assertRefused(request, load(SDK_BODY), "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }

    @Test
    void bodyAndPayloadHashReplacedTogetherAreRefused() {
        SignedRequest original = load(SDK_BODY);
        byte[] body = "{\"status\":\"FAILED\",\"expectedVersion\":2}".getBytes(StandardCharsets.UTF_8);
        SignedRequest request = withHeader(new SignedRequest(original.method(), original.rawPath(), original.rawQuery(),
                original.headers(), body), "x-amz-content-sha256", SigningKeys.sha256Hex(body));

        assertRefused(request, original, MISMATCH);
    }

    @Test
    void unsignedPayloadIsNotAcceptedInTheHeaderForm() {
        SignedRequest request = withHeader(load(SDK_BODY), "x-amz-content-sha256", "UNSIGNED-PAYLOAD");

        assertRefused(request, load(SDK_BODY), "UNSIGNED-PAYLOAD is not accepted");
    }

    @Test
    void sixteenMinutesOldIsExpired() {
        SignedRequest request = load(CLI_BODY);
        Instant now = signedAt(request).plus(Duration.ofMinutes(16));

        assertThatThrownBy(() -> verifierAt(request, Duration.ofMinutes(16)).verify(request))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessage("Signature expired: " + amzDate(signedAt(request)) + " is now earlier than "
                        + amzDate(now.minus(Duration.ofMinutes(15))) + " (" + amzDate(now) + " - 15 min.)");
    }

    @Test
    void sixteenMinutesAheadIsNotYetCurrent() {
        SignedRequest request = load(SDK_BODY);
        Instant now = signedAt(request).minus(Duration.ofMinutes(16));

        assertThatThrownBy(() -> verifierAt(request, Duration.ofMinutes(-16)).verify(request))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessage("Signature not yet current: " + amzDate(signedAt(request)) + " is still later than "
                        + amzDate(now.plus(Duration.ofMinutes(15))) + " (" + amzDate(now) + " + 15 min.)");
    }

    @ParameterizedTest
    @ValueSource(ints = {-14, 14, -15, 15})
    void withinFifteenMinutesEitherWayVerifies(int minutes) {
        SignedRequest request = load(SDK_BODY);

        assertThat(verifierAt(request, Duration.ofMinutes(minutes)).verify(request).service()).isEqualTo("iot-jobs-data");
    }

    @Test
    void credentialScopeDateOtherThanTheSigningDateIsRefused() {
        SignedRequest request = replaceInAuthorization(load(CLI_BODY), "/20261126/", "/20261125/");

        assertRefused(request, load(CLI_BODY), "Date in Credential scope does not match YYYYMMDD from ISO-8601 version"
                + " of date from HTTP: '20261125' != '20261126', from '" + load(CLI_BODY).header("x-amz-date") + "'.");
    }

    @Test
    void wrongTerminatorIsRefused() {
        SignedRequest request = replaceInAuthorization(load(CLI_BODY), "/aws4_request", "/aws5_request");

        assertRefused(request, load(CLI_BODY),
                "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.");
    }

    @Test
    void hostMissingFromSignedHeadersIsRefused() {
        SignedRequest request = replaceInAuthorization(load("cli-iot-describe-thing"),
                "SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date");

        assertRefused(request, load("cli-iot-describe-thing"),
                "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    @ParameterizedTest
    @ValueSource(strings = {CLI_BODY, SDK_BODY, "sdk-iot-list-job-executions-query"})
    void headerNamesInOddCaseStillVerify(String name) {
        SignedRequest original = load(name);
        SignedRequest request = withHeaders(original, headers -> {
            Map<String, List<String>> oddCase = new LinkedHashMap<>();
            headers.forEach((header, values) -> oddCase.put(alternateCase(header), values));
            return oddCase;
        });

        assertThat(request.headers().keySet()).contains("HoSt", "X-AmZ-DaTe");
        assertThat(verifierAt(original, Duration.ZERO).verify(request))
                .isEqualTo(verifierAt(original, Duration.ZERO).verify(original));
    }

    @Test
    void everyRefusalIsAJobsServiceExceptionNamedAfterItsAwsErrorType() {
        assertThat(new InvalidSignatureException("m").errorType()).isEqualTo("InvalidSignatureException");
        assertThat(new IncompleteSignatureException("m").errorType()).isEqualTo("IncompleteSignatureException");
        assertThat(new UnrecognizedClientException("m").errorType()).isEqualTo("UnrecognizedClientException");
        assertThat(new MissingAuthenticationTokenException("m").errorType()).isEqualTo("MissingAuthenticationTokenException");
    }

    private static void assertRefused(SignedRequest request, SignedRequest clockFrom, String messagePrefix) {
        assertThatThrownBy(() -> verifierAt(clockFrom, Duration.ZERO).verify(request))
                .isInstanceOf(InvalidSignatureException.class)
                .hasMessageStartingWith(messagePrefix);
    }

    private static SignedRequest replaceInAuthorization(SignedRequest request, String from, String to) {
        String authorization = request.header("authorization");
        assertThat(authorization).contains(from);
        return withHeader(request, "Authorization", authorization.replace(from, to));
    }

    private static String alternateCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            String c = name.substring(i, i + 1);
            out.append(i % 2 == 0 ? c.toUpperCase(Locale.ROOT) : c.toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
