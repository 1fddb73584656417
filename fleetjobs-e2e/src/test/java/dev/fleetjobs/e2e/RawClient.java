package dev.fleetjobs.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * Hand-made HTTP requests, signed with the AWS SDK's own SigV4 signer and optionally altered
 * after signing, for what the official clients cannot send.
 */
final class RawClient {

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();

    RawClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** A request signed for {@code service} by the root credentials (or other ones), sent as signed. */
    HttpResponse<String> signed(String service, String method, String rawPathAndQuery, String body) {
        return signed(service, method, rawPathAndQuery, body, RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY, Clock.systemUTC(),
                UnaryOperator.identity());
    }

    HttpResponse<String> signed(String service, String method, String rawPathAndQuery, String body, String accessKey, String secretKey,
                                Clock signingClock, UnaryOperator<HttpRequest.Builder> tamper) {
        URI uri = URI.create(endpoint + rawPathAndQuery);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(uri)
                .putHeader("Content-Type", "application/json")
                .contentStreamProvider(ContentStreamProvider.fromByteArray(bytes))
                .build();
        SdkHttpRequest signedRequest = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(accessKey, secretKey))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, signingClock)).request();
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
        for (Map.Entry<String, List<String>> header : signedRequest.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host") && !header.getKey().equalsIgnoreCase("content-length")) {
                header.getValue().forEach(v -> builder.header(header.getKey(), v));
            }
        }
        return send(tamper.apply(builder).build());
    }

    /** {@code POST /_dev/clock} of a {@code --dev} server, signed for the control plane; the job clock's epoch seconds afterwards. */
    long advanceClock(long seconds) {
        HttpResponse<String> response = signed("iot", "POST", "/_dev/clock", "{\"advanceSeconds\":" + seconds + "}");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("POST /_dev/clock answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(response.body().replaceAll("[^0-9]", ""));
    }

    HttpResponse<String> unsigned(String method, String rawPathAndQuery, String body) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + rawPathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
