package dev.fleetjobs.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;

/** Loads the raw HTTP requests captured from the AWS CLI and the AWS SDK for Java under {@code /sigv4}. */
final class CapturedRequests {

    static final List<String> ALL = List.of(
            "cli-iot-list-things",
            "cli-iot-describe-thing",
            "cli-iot-create-job",
            "cli-iot-list-jobs-query",
            "cli-jobsdata-describe-job-execution-next",
            "cli-jobsdata-describe-job-execution-colon-query",
            "cli-jobsdata-start-next-pending",
            "cli-jobsdata-update-job-execution",
            "sdk-iot-create-job",
            "sdk-iot-list-job-executions-query",
            "sdk-jobsdata-describe-job-execution-next",
            "sdk-jobsdata-describe-job-execution-colon-query",
            "sdk-jobsdata-start-next-pending",
            "sdk-jobsdata-update-job-execution");

    static final String ACCESS_KEY_ID;
    static final String SECRET;

    static {
        Properties credentials = new Properties();
        try (InputStream in = resource("credentials.properties")) {
            credentials.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ACCESS_KEY_ID = credentials.getProperty("accessKeyId");
        SECRET = credentials.getProperty("secretAccessKey");
    }

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private CapturedRequests() {}

    static SignedRequest load(String name) {
        byte[] raw;
        try (InputStream in = resource(name + ".http")) {
            raw = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int headEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        byte[] body = Arrays.copyOfRange(raw, headEnd + 4, raw.length);
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        String target = requestLine[1];
        int q = target.indexOf('?');
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon), n -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new SignedRequest(requestLine[0], q < 0 ? target : target.substring(0, q),
                q < 0 ? null : target.substring(q + 1), headers, body);
    }

    static Instant signedAt(SignedRequest request) {
        return Instant.from(AMZ_DATE.parse(request.header("x-amz-date")));
    }

    static String amzDate(Instant instant) {
        return AMZ_DATE.format(instant);
    }

    /** A verifier for the fixture credentials whose real clock reads {@code offset} after the signing time. */
    static SigV4Verifier verifierAt(SignedRequest request, Duration offset) {
        return new SigV4Verifier(CapturedRequests::lookup,
                Clock.fixed(signedAt(request).plus(offset), ZoneOffset.UTC), SigV4Verifier.DEFAULT_MAX_SKEW);
    }

    static Optional<String> lookup(String accessKeyId) {
        return ACCESS_KEY_ID.equals(accessKeyId) ? Optional.of(SECRET) : Optional.empty();
    }

    static SignedRequest withHeader(SignedRequest request, String name, String value) {
        return withHeaders(request, headers -> {
            headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, List.of(value));
            }
            return headers;
        });
    }

    static SignedRequest withHeaders(SignedRequest request, UnaryOperator<Map<String, List<String>>> change) {
        Map<String, List<String>> headers = change.apply(new LinkedHashMap<>(request.headers()));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers, request.body());
    }

    private static InputStream resource(String name) {
        InputStream in = CapturedRequests.class.getResourceAsStream("/sigv4/" + name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture /sigv4/" + name);
        }
        return in;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalArgumentException("no end of headers in fixture");
    }
}
