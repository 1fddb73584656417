package dev.fleetjobs.cli.bench;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP request of a scenario, as it goes on the wire.
 *
 * @param rawPath        already percent-encoded where a label needs it
 * @param rawQuery       without {@code ?}; empty when there is none
 * @param body           JSON text, or null for none
 * @param signingName    the SigV4 signing name ({@code iot-jobs-data} or {@code iot}); null sends the request unsigned
 * @param expectedStatus the status a correct answer has; any other counts as an error
 */
record BenchRequest(String method, String rawPath, String rawQuery, String body, String signingName, int expectedStatus) {

    static final String DATA_PLANE = "iot-jobs-data";
    static final String CONTROL_PLANE = "iot";

    static BenchRequest data(String method, String rawPath, String body) {
        return new BenchRequest(method, rawPath, "", body, DATA_PLANE, 200);
    }

    static BenchRequest control(String method, String rawPath, String body) {
        return new BenchRequest(method, rawPath, "", body, CONTROL_PLANE, 200);
    }

    BenchRequest expecting(int status) {
        return new BenchRequest(method, rawPath, rawQuery, body, signingName, status);
    }

    String uri() {
        return rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery;
    }

    byte[] bodyBytes() {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }

    /** What a report calls it: method and path. */
    String describe() {
        return method + " " + uri();
    }
}
