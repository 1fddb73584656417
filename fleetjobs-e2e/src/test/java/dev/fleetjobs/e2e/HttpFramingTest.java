package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Request framing on raw sockets (RFC 9112 section 6): a request whose length two parsers could
 * read differently is refused with 400 in the AWS shape and its connection closed, so that no
 * byte behind it is read as a request of its own; a chunk that cannot be read is answered, not
 * dropped; well-formed chunked requests still work.
 */
class HttpFramingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Would be answered 403 (no signature) if it were read as a request. */
    private static final String SMUGGLED = "GET /things HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static int port;

    @BeforeAll
    static void start() {
        server = RunningServer.start(dataDir);
        port = server.endpoint().getPort();
        new Fleet(server.iot()).thing("frame-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Everything the server writes until it closes the connection, cut into responses. */
    private static List<Response> exchange(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    all.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open 10 s; it read: " + all.toString(StandardCharsets.ISO_8859_1), e);
            } catch (IOException reset) {
                // a reset after the answer: keep what arrived
            }
            return Response.split(all.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Response(int status, Map<String, String> headers, String body) {

        static List<Response> split(String stream) {
            List<Response> responses = new ArrayList<>();
            String rest = stream;
            while (rest.startsWith("HTTP/1.1 ") || rest.startsWith("HTTP/1.0 ")) {
                int headEnd = rest.indexOf("\r\n\r\n");
                String[] lines = rest.substring(0, headEnd).split("\r\n");
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (int i = 1; i < lines.length; i++) {
                    headers.put(lines[i].substring(0, lines[i].indexOf(':')), lines[i].substring(lines[i].indexOf(':') + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                int bodyStart = headEnd + 4;
                responses.add(new Response(Integer.parseInt(lines[0].substring(9, 12)), headers, rest.substring(bodyStart, bodyStart + length)));
                rest = rest.substring(bodyStart + length);
            }
            assertThat(rest).as("nothing but whole responses").isEmpty();
            return responses;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void assertRefusedAlone(List<Response> responses, String messagePart) {
        assertThat(responses).as("one answer, then the connection is closed").hasSize(1);
        Response refused = responses.get(0);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers()).containsEntry("x-amzn-ErrorType", "InvalidRequestException").containsKey("x-amzn-RequestId");
        assertThat(refused.json().get("message").asText()).contains(messagePart);
    }

    @Test
    void contentLengthTogetherWithChunkedIsRefusedAndNothingBehindItIsRead() {
        String request = "POST /things/frame-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n" + SMUGGLED;
        assertRefusedAlone(exchange(request), "both Content-Length and Transfer-Encoding");

        // The same in the other order, with the length covering the smuggled request instead.
        String reversed = "POST /things/frame-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                + ("0\r\n\r\n" + SMUGGLED).length() + "\r\n\r\n" + "0\r\n\r\n" + SMUGGLED;
        assertRefusedAlone(exchange(reversed), "both Content-Length and Transfer-Encoding");
    }

    @ParameterizedTest(name = "Transfer-Encoding: {0}")
    @ValueSource(strings = {"gzip, chunked", "chunked, chunked", "identity", "chunked;x=1", "xchunked"})
    void transferCodingsOtherThanOneChunkedAreRefused(String coding) {
        String request = "POST /things/frame-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: " + coding + "\r\n\r\n0\r\n\r\n" + SMUGGLED;
        assertRefusedAlone(exchange(request), "single chunked");
    }

    @Test
    void transferEncodingInHttp10IsRefused() {
        String request = "POST /things/frame-1 HTTP/1.0\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" + SMUGGLED;
        assertRefusedAlone(exchange(request), "HTTP/1.0");
    }

    @ParameterizedTest(name = "chunk size {0}")
    @ValueSource(strings = {"zz", "-1", "ffffffffffffffffff", "1x"})
    void aChunkSizeThatCannotBeReadIsAnsweredInTheAwsShape(String size) {
        String request = "POST /things/frame-1 HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + size + "\r\nabc\r\n0\r\n\r\n" + SMUGGLED;
        assertRefusedAlone(exchange(request), "chunked request body could not be read");
    }

    @Test
    void aChunkThatCannotBeReadInAnS3RequestIsAnsweredInTheS3ShapeAndTheConnectionClosed() {
        S3Requests.root(server).createBucket("frames");
        String xml = "<Delete><Object><Key>fw.bin</Key></Object></Delete>";
        RawHttp raw = new RawHttp(port);
        String head = new String(raw.signed("s3", "POST", "/frames?delete", xml.getBytes(StandardCharsets.UTF_8), Map.of(),
                RunningServer.ROOT), StandardCharsets.ISO_8859_1);
        head = head.substring(0, head.indexOf("\r\n\r\n")).replaceAll("\r\nContent-Length: [0-9]+", "")
                .replace("\r\nConnection: close", "");
        String request = head + "\r\nTransfer-Encoding: chunked\r\n\r\n8\r\n" + xml.substring(0, 8) + "\r\nzz\r\n"
                + xml.substring(8) + "\r\n0\r\n\r\n" + SMUGGLED;

        List<Response> responses = exchange(request);
        assertThat(responses).as("one answer, then the connection is closed").hasSize(1);
        assertThat(responses.get(0).status()).isEqualTo(400);
        assertThat(responses.get(0).body()).contains("<Code>IncompleteBody</Code>");
    }

    @Test
    void aWellFormedChunkedRequestStillWorksAndKeepsTheConnection() {
        RawHttp raw = new RawHttp(port);
        byte[] signed = raw.signed("iot", "PATCH", "/things/frame-1", "{\"attributePayload\":{\"attributes\":{\"k\":\"v\"}}}"
                .getBytes(StandardCharsets.UTF_8), Map.of(), RunningServer.ROOT);
        String text = new String(signed, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        String head = text.substring(0, headEnd).replaceAll("\r\nContent-Length: [0-9]+", "").replace("\r\nConnection: close", "");
        String body = text.substring(headEnd + 4);
        String chunked = head + "\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(10) + "\r\n" + body.substring(0, 10) + "\r\n"
                + Integer.toHexString(body.length() - 10) + "\r\n" + body.substring(10) + "\r\n0\r\n\r\n"
                + "GET /things HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";

        List<Response> responses = exchange(chunked);
        assertThat(responses).extracting(Response::status).containsExactly(200, 403);
        assertThat(server.iot().describeThing(r -> r.thingName("frame-1")).attributes()).containsEntry("k", "v");
    }
}
