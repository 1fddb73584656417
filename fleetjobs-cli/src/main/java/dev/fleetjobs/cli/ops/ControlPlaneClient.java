package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.sdk.auth.PercentEncoding;
import dev.fleetjobs.sdk.http.HttpPipeline;
import dev.fleetjobs.sdk.http.JsonCodec;
import dev.fleetjobs.sdk.http.WireRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The few control-plane operations the command line needs, on the SDK's signed, retrying HTTP
 * pipeline. Paths, query names and members are the {@code iot} model's.
 */
public final class ControlPlaneClient {

    private final HttpPipeline pipeline;

    public ControlPlaneClient(HttpPipeline pipeline) {
        this.pipeline = pipeline;
    }

    public JsonNode get(String path, Map<String, String> query) {
        return call("GET", path, query, null);
    }

    /**
     * Sends one request; {@code path} segments in braces are already encoded by {@link #path}.
     * Absent query values are left out. Answers the response body, {@code {}} when empty.
     */
    public JsonNode call(String method, String path, Map<String, String> query, JsonNode body) {
        StringJoiner rawQuery = new StringJoiner("&");
        if (query != null) {
            query.forEach((name, value) -> {
                if (value != null) {
                    rawQuery.add(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value));
                }
            });
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] bytes = null;
        if (body != null) {
            headers.put("Content-Type", List.of("application/json"));
            bytes = JsonCodec.write(body);
        }
        HttpResponse<byte[]> response = pipeline.send(new WireRequest(method, path, rawQuery.toString(), headers, bytes));
        byte[] answer = response.body();
        if (answer == null || answer.length == 0) {
            return JsonCodec.mapper().createObjectNode();
        }
        try {
            return JsonCodec.mapper().readTree(answer);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("The server answered with something that is not JSON", e);
        }
    }

    /** All pages of a list operation: {@code listKey} items gathered while {@code nextToken} comes back. */
    public List<JsonNode> listAll(String path, Map<String, String> query, String listKey) {
        List<JsonNode> items = new java.util.ArrayList<>();
        Map<String, String> pageQuery = new LinkedHashMap<>(query);
        while (true) {
            JsonNode page = get(path, pageQuery);
            page.path(listKey).forEach(items::add);
            JsonNode next = page.get("nextToken");
            if (next == null || next.isNull() || next.asText().isEmpty()) {
                return items;
            }
            pageQuery.put("nextToken", next.asText());
        }
    }

    /** A path built from a template's literal parts and label values, each label percent-encoded. */
    public static String path(String... literalsAndLabels) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literalsAndLabels.length; i++) {
            out.append(i % 2 == 0 ? literalsAndLabels[i] : PercentEncoding.encode(literalsAndLabels[i]));
        }
        return out.toString();
    }

    public static ObjectNode object() {
        return JsonCodec.mapper().createObjectNode();
    }
}
