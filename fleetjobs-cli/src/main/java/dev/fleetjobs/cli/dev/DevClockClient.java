package dev.fleetjobs.cli.dev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Calls {@code POST /_dev/clock} of a server started with {@code --dev}, signed for the control plane ({@code iot}). */
final class DevClockClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final RequestSigner signer;
    private final Clock realClock;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    DevClockClient(URI endpoint, Credentials credentials, String region, Clock realClock) {
        this.endpoint = endpoint;
        this.signer = new RequestSigner(credentials, region, "iot");
        this.realClock = realClock;
    }

    /** Moves the server's job clock forward and returns the time it reads afterwards. */
    Instant advance(long seconds) throws IOException, InterruptedException {
        URI uri = URI.create(endpoint + "/_dev/clock");
        byte[] body = JSON.writeValueAsBytes(Map.of("advanceSeconds", seconds));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofMinutes(10));
        signer.sign("POST", uri, body, realClock.instant()).forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode answer = parse(response.body());
        if (response.statusCode() != 200) {
            String type = response.headers().firstValue("x-amzn-ErrorType").orElse("HTTP " + response.statusCode());
            String message = answer != null && answer.hasNonNull("message") ? answer.get("message").asText() : response.body();
            if (response.statusCode() == 404) {
                message += " (was the server started with --dev?)";
            }
            throw new IOException(type + ": " + message);
        }
        if (answer == null || !answer.path("now").canConvertToLong()) {
            throw new IOException("Unexpected answer from " + uri + ": " + response.body());
        }
        return Instant.ofEpochSecond(answer.get("now").longValue());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
