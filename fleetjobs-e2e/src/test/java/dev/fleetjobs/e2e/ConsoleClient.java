package dev.fleetjobs.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The console's HTTP side as a browser on the same origin uses it: sign-in, the session cookie, the anti-CSRF header. */
final class ConsoleClient {

    static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final HttpClient http = HttpClient.newHttpClient();
    String cookie;
    String csrf;

    ConsoleClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    String origin() {
        return endpoint.getScheme() + "://" + endpoint.getRawAuthority();
    }

    HttpResponse<String> signIn(String accessKeyId, String secret) {
        HttpResponse<String> response = send("POST", "/console/session", Map.of("Origin", origin(), "Content-Type", "application/json"),
                "{\"accessKeyId\":" + quote(accessKeyId) + ",\"secretAccessKey\":" + quote(secret) + "}");
        if (response.statusCode() == 200) {
            cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            csrf = json(response).get("csrfToken").asText();
        }
        return response;
    }

    /** A request from the console's own page: cookie, Origin and (for state changes) the anti-CSRF header. */
    HttpResponse<String> api(String method, String pathAndQuery, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Cookie", cookie);
        headers.put("Origin", origin());
        headers.put("Sec-Fetch-Site", "same-origin");
        if (!method.equals("GET")) {
            headers.put("X-Fleetjobs-Csrf", csrf);
            headers.put("Content-Type", "application/json");
        }
        return send(method, "/console/api" + pathAndQuery, headers, body);
    }

    HttpResponse<String> send(String method, String pathAndQuery, Map<String, String> headers, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                builder.header(name, value);
            }
        });
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
