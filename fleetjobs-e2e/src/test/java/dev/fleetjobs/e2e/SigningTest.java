package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * SigV4 through the running server: header and presigned (query) signatures, for every signing
 * name the AWS SDKs and CLI use and in any region; the 15-minute clock skew limit both ways; a
 * presigned URL's own expiry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SigningTest {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-central-1", "ap-southeast-2", "cn-north-1", "us-gov-west-1");

    private RunningServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dataDir) {
        server = RunningServer.start(dataDir);
        new Fleet(server.iot()).thing("pump-1");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    Stream<Arguments> signingNamesRegionsAndLocations() {
        return Stream.of("iot", "execute-api", "iot-jobs-data").flatMap(service -> REGIONS.stream().flatMap(region ->
                Stream.of(Arguments.of(service, region, false), Arguments.of(service, region, true))));
    }

    @ParameterizedTest(name = "{0} in {1}, presigned: {2}")
    @MethodSource("signingNamesRegionsAndLocations")
    void everySigningNameInAnyRegionHeaderOrPresigned(String service, String region, boolean presigned) throws Exception {
        HttpResponse<String> response = send(service, region, presigned, Clock.systemUTC(), Duration.ofMinutes(5));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains(service.equals("iot-jobs-data") ? "queuedJobs" : "\"thingName\":\"pump-1\"");
    }

    @ParameterizedTest(name = "signed {0} min from now, presigned: {1}")
    @MethodSource("skews")
    void theClockSkewLimitIsFifteenMinutes(int minutes, boolean presigned, int expectedStatus) throws Exception {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(minutes));
        HttpResponse<String> response = send("iot", "us-east-1", presigned, skewed, Duration.ofHours(1));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        if (expectedStatus == 403) {
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        }
    }

    Stream<Arguments> skews() {
        return Stream.of(Arguments.of(14, false, 200), Arguments.of(-14, false, 200), Arguments.of(16, false, 403),
                Arguments.of(-16, false, 403), Arguments.of(16, true, 403), Arguments.of(-16, true, 200));
    }

    @ParameterizedTest(name = "presigned for {0} s, signed {1} s ago")
    @MethodSource("expiries")
    void aPresignedUrlExpiresWhenItSays(int validSeconds, int ageSeconds, int expectedStatus) throws Exception {
        Clock past = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-ageSeconds));
        assertThat(send("iot", "us-east-1", true, past, Duration.ofSeconds(validSeconds)).statusCode()).isEqualTo(expectedStatus);
    }

    Stream<Arguments> expiries() {
        return Stream.of(Arguments.of(60, 30, 200), Arguments.of(60, 120, 403), Arguments.of(3600, 1800, 200));
    }

    private HttpResponse<String> send(String service, String region, boolean presigned, Clock clock, Duration expiry)
            throws IOException, InterruptedException {
        String path = service.equals("iot-jobs-data") ? "/things/pump-1/jobs" : "/things/pump-1";
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(server.endpoint() + path)).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsBasicCredentials.create(RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY))
                    .request(unsigned)
                    .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock);
            if (presigned) {
                r.putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry);
            }
        }).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).GET();
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                header.getValue().forEach(v -> request.header(header.getKey(), v));
            }
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSecondAuthorizationHeaderIsRefusedWithBadRequestInEitherOrder() {
        RawHttp raw = new RawHttp(server.endpoint().getPort());
        String junk = "AWS4-HMAC-SHA256 Credential=FJIAOTHER/20260101/us-east-1/iot/aws4_request, SignedHeaders=host, Signature=00";
        String validFirst = new String(raw.signed("iot", "GET", "/things/pump-1", new byte[0], Map.of("Authorization", junk),
                RunningServer.ROOT), StandardCharsets.ISO_8859_1);
        int junkLine = validFirst.indexOf("Authorization: " + junk);
        String withoutJunk = validFirst.substring(0, junkLine) + validFirst.substring(validFirst.indexOf("\r\n", junkLine) + 2);
        String junkFirst = withoutJunk.replaceFirst("\r\n", "\r\nAuthorization: " + java.util.regex.Matcher.quoteReplacement(junk) + "\r\n");
        for (String request : List.of(validFirst, junkFirst)) {
            RawHttp.Response response = raw.send(request.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response.status()).as(request).isEqualTo(400);
            assertThat(response.errorType()).isEqualTo("InvalidRequestException");
        }
        assertThat(raw.send(withoutJunk.getBytes(StandardCharsets.ISO_8859_1)).status()).as("the same request signed once").isEqualTo(200);
    }
}
