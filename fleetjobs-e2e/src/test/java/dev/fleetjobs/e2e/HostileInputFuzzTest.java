package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Ten thousand generated malformed requests (seeded, so a failure reproduces) across every route:
 * bad path labels, broken or deep or mistyped JSON, bad query values, broken signatures, unknown
 * routes, bad percent-encodings, oversized input, ambiguous framing, bytes that are not HTTP.
 * Every one is refused with a 4xx in the AWS error shape, never a 5xx; the server stays up; the
 * store is unchanged. And generated MQTT CONNECTs ({@link MqttConnectFuzz}): each is accepted or
 * refused exactly as the README's rules say, and afterwards nothing is retained on any jobs
 * topic, no event was forged, the store is unchanged and devices are still served.
 */
class HostileInputFuzzTest {

    private static final int TRIES = 10_000;
    private static final int CHECK_EVERY = 1_000;
    private static final String FORBIDDEN_IN_NAMES = " !\"#%&'()*+,/;<=>?@[\\]^`{|}~\u00e9\u20ac\u0001\t";
    private static final Pattern LABEL_VALUE = Pattern.compile("pump-1|pump-2|pump-9|pump-gone|job-1|job-sample|[0-9a-f]{64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path dataDir;
    private static Path scratch;
    private static SecurityFixture fixture;
    private static RawHttp http;
    private static List<ApiCall> samples;
    private static String storeBefore;
    private static final AtomicInteger sent = new AtomicInteger();

    enum Kind { BAD_LABEL, BAD_JSON, WRONG_TYPE, BAD_QUERY, BAD_SIGNATURE, UNKNOWN_ROUTE, BAD_ENCODING, OVERSIZED, BAD_FRAMING, NOT_HTTP }

    private static final int MQTT_TRIES = 500;
    private static final int MQTT_CHECK_EVERY = 100;
    private static Path mqttDataDir;
    private static RunningServer mqttServer;
    private static MqttDevice eventWatcher;
    private static String mqttStoreBefore;
    private static final AtomicInteger mqttSent = new AtomicInteger();

    record FuzzCase(Kind kind, int route, String text, int number) {
        @Override
        public String toString() {
            String shown = text.chars().limit(60).mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c))
                    .reduce("", String::concat);
            return "FuzzCase[" + kind + ", route " + RouteCatalog.all().get(route) + ", number " + number + ", text \"" + shown + "\"]";
        }
    }

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("fleetjobs-fuzz");
        scratch = Files.createTempDirectory("fleetjobs-fuzz-scratch");
        fixture = new SecurityFixture(dataDir, scratch);
        http = new RawHttp(fixture.server.server().port());
        samples = RouteCatalog.all().stream().map(route -> route.sample().apply(fixture)).toList();
        storeBefore = StoreDump.of(dataDir);
        mqttDataDir = Files.createTempDirectory("fleetjobs-fuzz-mqtt");
        mqttServer = RunningServer.withPlainMqtt(dev.fleetjobs.server.app.ServerConfig.defaults("127.0.0.1", 0, mqttDataDir), true,
                List.of(MqttConnectFuzz.EXTRA_TOPIC));
        MqttConnectFuzz.THINGS.forEach(new Fleet(mqttServer.iot())::thing);
        eventWatcher = MqttDevice.backEnd(mqttServer.mqttPort(), "fz-watcher", RunningServer.ROOT);
        eventWatcher.subscribe("$aws/events/#");
        mqttStoreBefore = StoreDump.of(mqttDataDir);
    }

    @AfterContainer
    static void stop() {
        eventWatcher.close();
        mqttServer.close();
        TempDirs.delete(mqttDataDir);
        fixture.close();
        TempDirs.delete(dataDir);
        TempDirs.delete(scratch);
    }

    @Property(tries = TRIES, seed = "20261126", shrinking = ShrinkingMode.OFF)
    void malformedRequestsAreRefusedAndChangeNothing(@ForAll("cases") FuzzCase fuzz) throws IOException {
        Statistics.collect(fuzz.kind());
        RawHttp.Response response = http.send(request(fuzz));
        if (fuzz.kind() == Kind.NOT_HTTP && response.status() == 0) {
            return;
        }
        assertThat(response.status()).as("%s\n%s", fuzz, response.head()).isBetween(400, 499);
        assertThat(response.errorType()).as("%s\n%s", fuzz, response.head()).isNotBlank();
        if (sent.incrementAndGet() % CHECK_EVERY == 0) {
            assertThat(fixture.signed(ApiCall.control("ListThings", "GET", "/things", null), fixture.operator, Clock.systemUTC()).statusCode())
                    .as("the server still answers").isEqualTo(200);
            assertThat(StoreDump.of(dataDir)).as("after %d malformed requests", sent.get()).isEqualTo(storeBefore);
        }
    }

    @Property(tries = MQTT_TRIES, seed = "20261206", shrinking = ShrinkingMode.OFF)
    void mqttConnectsAreDecidedByTheRulesAndLeaveNothingBehind(@ForAll("mqttCases") MqttConnectFuzz.Case fuzz) {
        Statistics.collect(MqttConnectFuzz.accepted(fuzz) ? "accepted" : "refused");
        // Dropping the connection without DISCONNECT fires any will it carries.
        int code = RawMqtt.connectAndDrop(mqttServer.mqttPort(), MqttConnectFuzz.connect(fuzz));
        if (MqttConnectFuzz.accepted(fuzz)) {
            assertThat(code).as("%s", fuzz).isZero();
        } else {
            assertThat(code).as("%s", fuzz).isNotZero();
        }
        if (mqttSent.incrementAndGet() % MQTT_CHECK_EVERY == 0) {
            for (String thing : MqttConnectFuzz.THINGS) {
                try (MqttDevice device = MqttDevice.connect(mqttServer.mqttPort(), thing)) {
                    assertThat(device.retainedBeforeAReply()).as("retained on %s's topics", thing).isEmpty();
                }
            }
            assertThat(eventWatcher.all()).as("events").isEmpty();
            assertThat(StoreDump.of(mqttDataDir)).as("after %d CONNECTs", mqttSent.get()).isEqualTo(mqttStoreBefore);
        }
    }

    @Provide
    Arbitrary<MqttConnectFuzz.Case> mqttCases() {
        return MqttConnectFuzz.cases();
    }

    @Provide
    Arbitrary<FuzzCase> cases() {
        Arbitrary<Kind> kinds = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, Arbitraries.just(Kind.BAD_LABEL)),
                net.jqwik.api.Tuple.of(18, Arbitraries.just(Kind.BAD_JSON)),
                net.jqwik.api.Tuple.of(15, Arbitraries.just(Kind.WRONG_TYPE)),
                net.jqwik.api.Tuple.of(10, Arbitraries.just(Kind.BAD_QUERY)),
                net.jqwik.api.Tuple.of(15, Arbitraries.just(Kind.BAD_SIGNATURE)),
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Kind.UNKNOWN_ROUTE)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.BAD_ENCODING)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.OVERSIZED)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.BAD_FRAMING)),
                net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.NOT_HTTP)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, RouteCatalog.all().size() - 1),
                Arbitraries.strings().all().ofMaxLength(200), Arbitraries.integers().between(0, 1_000_000)).as(FuzzCase::new);
    }

    private byte[] request(FuzzCase fuzz) throws IOException {
        ApiCall call = samples.get(fuzz.route());
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        return switch (fuzz.kind()) {
            case BAD_LABEL -> labelSegment(call) < 0 ? badJson(call, fuzz) : signed(call.withPath(replaceLabel(call, encode(badName(fuzz)))), body);
            case BAD_JSON -> badJson(call, fuzz);
            case WRONG_TYPE -> wrongType(call, fuzz);
            case BAD_QUERY -> badQuery(call, fuzz);
            case BAD_SIGNATURE -> badSignature(call, body, fuzz);
            case UNKNOWN_ROUTE -> unknownRoute(call, body, fuzz);
            case BAD_ENCODING -> badEncoding(call, body, fuzz);
            case OVERSIZED -> oversized(call, fuzz);
            case BAD_FRAMING -> badFraming(call, body, fuzz);
            case NOT_HTTP -> notHttp(fuzz);
        };
    }

    private byte[] signed(ApiCall call, byte[] body) {
        return http.signed(call.service(), call.method(), call.pathAndQuery(), body, call.headers(), fixture.admin);
    }

    /** A name no label accepts: it holds a character outside every model pattern, or is longer than any allows. */
    private static String badName(FuzzCase fuzz) {
        if (fuzz.number() % 5 == 0) {
            return "a".repeat(129 + fuzz.number() % 300);
        }
        char forbidden = FORBIDDEN_IN_NAMES.charAt(fuzz.number() % FORBIDDEN_IN_NAMES.length());
        String text = fuzz.text();
        int at = text.isEmpty() ? 0 : fuzz.number() % (text.length() + 1);
        return text.substring(0, at) + forbidden + text.substring(at);
    }

    /** Percent-encoding as the AWS SDKs do it: everything but A-Z a-z 0-9 - . _ ~. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    private static int labelSegment(ApiCall call) {
        String[] segments = path(call).split("/");
        for (int i = 0; i < segments.length; i++) {
            if (LABEL_VALUE.matcher(segments[i]).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static String replaceLabel(ApiCall call, String raw) {
        String[] segments = path(call).split("/");
        segments[labelSegment(call)] = raw;
        return String.join("/", segments) + query(call);
    }

    private static String path(ApiCall call) {
        int q = call.pathAndQuery().indexOf('?');
        return q < 0 ? call.pathAndQuery() : call.pathAndQuery().substring(0, q);
    }

    private static String query(ApiCall call) {
        int q = call.pathAndQuery().indexOf('?');
        return q < 0 ? "" : call.pathAndQuery().substring(q);
    }

    private byte[] badJson(ApiCall call, FuzzCase fuzz) {
        String text = fuzz.text();
        int depth = 33 + fuzz.number() % 60;
        byte[] body = switch (fuzz.number() % 9) {
            case 0 -> ("[" + RouteCatalog.quote(text) + "]").getBytes(StandardCharsets.UTF_8);
            case 1 -> RouteCatalog.quote(text).getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"a\":" + RouteCatalog.quote(text)).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{" + text + ",,}").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"a\":1}{" + RouteCatalog.quote(text)).getBytes(StandardCharsets.UTF_8);
            case 6 -> concat(new byte[] {0}, text.getBytes(StandardCharsets.UTF_8));
            case 7 -> concat(("{\"a\":\"" + text.replace("\"", "")).getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, '"', '}'});
            default -> Integer.toString(fuzz.number()).getBytes(StandardCharsets.UTF_8);
        };
        return signed(call, body);
    }

    private byte[] wrongType(ApiCall call, FuzzCase fuzz) throws IOException {
        if (call.body() == null || call.body().equals("{}")) {
            return badJson(call, fuzz);
        }
        ObjectNode body = (ObjectNode) JSON.readTree(call.body());
        List<String> members = new ArrayList<>();
        body.fieldNames().forEachRemaining(members::add);
        String member = members.get(fuzz.number() % members.size());
        JsonNode original = body.get(member);
        switch (fuzz.number() % 3) {
            case 0 -> {
                if (original.isTextual()) {
                    body.put(member, fuzz.number());
                } else {
                    body.put(member, fuzz.text());
                }
            }
            case 1 -> body.putArray(member).add(fuzz.text());
            default -> {
                if (original.isObject()) {
                    body.put(member, fuzz.text());
                } else {
                    body.putObject(member).put("k", fuzz.text());
                }
            }
        }
        return signed(call, JSON.writeValueAsBytes(body));
    }

    private byte[] badQuery(ApiCall call, FuzzCase fuzz) {
        String query = query(call);
        if (query.isEmpty()) {
            return badJson(call, fuzz);
        }
        String value = "x" + fuzz.text().toLowerCase().replaceAll("[^a-z]", "");
        StringBuilder mangled = new StringBuilder("?");
        for (Iterator<String> pairs = List.of(query.substring(1).split("&")).iterator(); pairs.hasNext(); ) {
            String name = pairs.next().split("=")[0];
            mangled.append(name).append('=').append(encode(value));
            if (pairs.hasNext()) {
                mangled.append('&');
            }
        }
        byte[] body = call.body() == null ? new byte[0] : call.body().getBytes(StandardCharsets.UTF_8);
        return signed(call.withPath(path(call) + mangled), body);
    }

    private byte[] badSignature(ApiCall call, byte[] body, FuzzCase fuzz) {
        String request = new String(signed(call, body), StandardCharsets.ISO_8859_1);
        String printable = fuzz.text().replaceAll("[\\r\\n]", "").chars().mapToObj(c -> c < 0x20 || c > 0x7e ? "?" : String.valueOf((char) c))
                .reduce("", String::concat);
        String mangled = switch (fuzz.number() % 6) {
            case 0 -> withHeader(request, "Authorization", "Authorization: " + printable);
            case 1 -> flipLastSignatureDigit(request);
            case 2 -> withHeader(request, "X-Amz-Date", null);
            // a service this server does not serve (s3 is served now: it answers in S3's own XML error shape)
            case 3 -> request.replaceFirst("/us-east-1/" + call.service() + "/", "/us-east-1/sqs/");
            case 4 -> request.replaceFirst("Credential=FJIA[A-Z2-7]+", "Credential=FJIAUNKNOWN" + (fuzz.number() % 1000));
            default -> new String(http.plain(call.method(), path(call) + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential="
                    + URLEncoder.encode(printable, StandardCharsets.UTF_8) + "&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host"
                    + "&X-Amz-Signature=00", body, Map.of()), StandardCharsets.ISO_8859_1);
        };
        assertThat(mangled).as("the mutation changed the request").isNotEqualTo(request);
        return mangled.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String flipLastSignatureDigit(String request) {
        int end = request.indexOf("\r\n", request.indexOf("Signature=")) - 1;
        return request.substring(0, end) + (request.charAt(end) == '0' ? '1' : '0') + request.substring(end + 1);
    }

    /** The request with the named header's line replaced by {@code line}, or removed when it is null. */
    private static String withHeader(String request, String name, String line) {
        StringBuilder out = new StringBuilder();
        for (String existing : request.split("\r\n", -1)) {
            if (existing.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                if (line != null) {
                    out.append(line).append("\r\n");
                }
            } else {
                out.append(existing).append("\r\n");
            }
        }
        return out.substring(0, out.length() - 2);
    }

    private byte[] unknownRoute(ApiCall call, byte[] body, FuzzCase fuzz) {
        String segment = encode(fuzz.text());
        return switch (fuzz.number() % 3) {
            // No route answers OPTIONS (PATCH is UpdateThing, UpdateJob and UpdateThingGroup now).
            case 0 -> signed(new ApiCall(call.operation(), call.service(), "OPTIONS", call.pathAndQuery(),
                    call.body(), call.headers()), body);
            case 1 -> signed(call.withPath("/zz/" + segment), body);
            default -> signed(call.withPath(path(call) + "/extra-" + segment + query(call)), body);
        };
    }

    private byte[] badEncoding(ApiCall call, byte[] body, FuzzCase fuzz) {
        String[] malformed = {"%", "%G1", "%C3%28", "%ED%A0%80", "%F8%88%80%80%80", "%E2%82", "pump%2"};
        String escape = malformed[fuzz.number() % malformed.length];
        ApiCall broken = call.withPath(labelSegment(call) < 0 ? "/things/" + escape : replaceLabel(call, escape));
        try {
            return signed(broken, body);
        } catch (IllegalArgumentException notAUri) {
            // What the SDK cannot even sign goes unsigned, with the signature of the well-formed path.
            return new String(signed(call, body), StandardCharsets.ISO_8859_1)
                    .replace(call.method() + " " + call.pathAndQuery() + " HTTP/1.1", call.method() + " " + broken.pathAndQuery() + " HTTP/1.1")
                    .getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    private byte[] oversized(ApiCall call, FuzzCase fuzz) {
        return switch (fuzz.number() % 3) {
            case 0 -> signed(call, ("{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8));
            case 1 -> http.signed(call.service(), call.method(), call.pathAndQuery(), new byte[0], Map.of("X-Pad", "p".repeat(20 * 1024)),
                    fixture.admin);
            default -> http.plain("GET", "/things/" + "a".repeat(10 * 1024), new byte[0], Map.of());
        };
    }

    /** A signed request whose body length two parsers could read differently (RFC 9112 section 6). */
    private byte[] badFraming(ApiCall call, byte[] body, FuzzCase fuzz) {
        String request = new String(signed(call, body), StandardCharsets.ISO_8859_1);
        String chunkSize = Integer.toHexString(fuzz.number());
        String framed = switch (fuzz.number() % 4) {
            case 0 -> request.replace("\r\nConnection: close", "\r\nTransfer-Encoding: chunked\r\nConnection: close");
            case 1 -> withHeader(request, "Content-Length", "Transfer-Encoding: gzip, chunked");
            case 2 -> withHeader(request, "Content-Length", "Transfer-Encoding: chunked")
                    .replaceFirst("\r\n\r\n[\\s\\S]*$", "\r\n\r\n" + chunkSize + "zz\r\nabc\r\n0\r\n\r\n");
            default -> withHeader(request, "Content-Length", "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked");
        };
        return framed.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] notHttp(FuzzCase fuzz) {
        return concat(new byte[] {1}, (fuzz.text().replace("\r", "").replace("\n", "") + " X\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
