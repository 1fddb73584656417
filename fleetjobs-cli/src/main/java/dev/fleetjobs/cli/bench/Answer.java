package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The server's answer to a {@link BenchRequest}: status, AWS error type and body. */
record Answer(int status, String errorType, byte[] body) {

    static final ObjectMapper JSON = new ObjectMapper();

    JsonNode json() {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UnexpectedAnswerException("the answer is not JSON: " + text());
        }
    }

    String text() {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** Status, error type and message, for error reports. */
    String summary() {
        return status + (errorType == null ? "" : " " + errorType) + " " + text();
    }
}
