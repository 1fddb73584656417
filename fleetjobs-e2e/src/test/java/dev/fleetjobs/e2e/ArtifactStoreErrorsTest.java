package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * What the S3 front refuses, with S3's error codes, and that a refused request leaves nothing on
 * disk: an unknown bucket, a key with {@code ..}, a 6 GB declared length, a body that does not
 * match its declared SHA-256, parts completed out of order, and keys of the wrong role.
 */
class ArtifactStoreErrorsTest {

    @TempDir
    static Path dataDir;

    private static RunningServer server;
    private static S3Requests s3;

    @BeforeAll
    static void start() {
        server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir)
                .withSecurity(SecurityOptions.defaults().withRefreshInterval(Duration.ofMillis(100))));
        s3 = S3Requests.root(server);
        s3.createBucket("errors");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownBucketIsNoSuchBucket() {
        HttpResponse<String> put = s3.send("PUT", "/nobucket/fw.bin", "x".getBytes(StandardCharsets.UTF_8));
        assertThat(put.statusCode()).isEqualTo(404);
        assertThat(S3Requests.errorCode(put.body())).isEqualTo("NoSuchBucket");
        assertThat(put.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(put.headers().firstValue("x-amz-request-id")).isPresent();
        assertThat(S3Requests.errorCode(s3.send("GET", "/nobucket?list-type=2", new byte[0]).body())).isEqualTo("NoSuchBucket");
        assertThat(S3Requests.errorCode(s3.send("PUT", "/Bad_Name", new byte[0]).body())).isEqualTo("InvalidBucketName");
        assertNothingLeft();
    }

    @Test
    void aKeyWithDotDotSegmentsIsRefused() throws IOException {
        byte[] body = "escape".getBytes(StandardCharsets.UTF_8);
        Raw answer = raw(s3.sign("PUT", "/errors/a/../../secret.key", body, Map.of()), body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(S3Requests.errorCode(answer.body())).isEqualTo("InvalidArgument");
        assertThat(S3Requests.errorCode(s3.send("GET", "/errors?list-type=2", new byte[0]).body())).isEmpty();
        assertThat(s3.send("GET", "/errors?list-type=2", new byte[0]).body()).doesNotContain("<Contents>");
        assertNothingLeft();
    }

    @Test
    void aSixGigabyteDeclaredLengthIsRefusedBeforeItsBodyIsRead() throws IOException {
        SdkHttpRequest signed = new S3Requests(server.endpoint(), RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY)
                .sign("PUT", "/errors/huge.bin", new byte[0], Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"));
        Raw answer = raw(signed, 6L * 1024 * 1024 * 1024, "x".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(S3Requests.errorCode(answer.body())).isEqualTo("EntityTooLarge");
        assertThat(answer.head().toLowerCase()).contains("connection: close");
        assertNothingLeft();
    }

    @Test
    void aBodyThatDoesNotMatchItsDeclaredHashIsRefusedAndDropped() {
        byte[] sent = new byte[200_000];
        new Random(3).nextBytes(sent);
        SdkHttpRequest signed = s3.sign("PUT", "/errors/tampered.bin", sent, Map.of());
        byte[] changed = sent.clone();
        changed[1234] ^= 1;
        Raw answer;
        try {
            answer = raw(signed, changed);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(answer.status()).isEqualTo(400);
        assertThat(S3Requests.errorCode(answer.body())).isEqualTo("XAmzContentSHA256Mismatch");
        assertThat(s3.send("HEAD", "/errors/tampered.bin", new byte[0]).statusCode()).isEqualTo(404);
        assertNothingLeft();
    }

    @Test
    void partsCompletedOutOfOrderAreInvalidPartOrderAndAnAbortLeavesNothing() {
        String created = s3.send("POST", "/errors/multi.bin?uploads", new byte[0]).body();
        String uploadId = between(created, "<UploadId>", "</UploadId>");
        byte[] first = new byte[5 * 1024 * 1024];
        byte[] second = "the end".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> part1 = s3.send("PUT", "/errors/multi.bin?partNumber=1&uploadId=" + uploadId, first);
        HttpResponse<String> part2 = s3.send("PUT", "/errors/multi.bin?partNumber=2&uploadId=" + uploadId, second);
        String etag1 = part1.headers().firstValue("ETag").orElseThrow();
        String etag2 = part2.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> wrongOrder = s3.send("POST", "/errors/multi.bin?uploadId=" + uploadId,
                complete(List.of(2, 1), List.of(etag2, etag1)));
        assertThat(wrongOrder.statusCode()).isEqualTo(400);
        assertThat(S3Requests.errorCode(wrongOrder.body())).isEqualTo("InvalidPartOrder");
        HttpResponse<String> wrongTag = s3.send("POST", "/errors/multi.bin?uploadId=" + uploadId,
                complete(List.of(1, 2), List.of(etag1, "\"00000000000000000000000000000000\"")));
        assertThat(S3Requests.errorCode(wrongTag.body())).isEqualTo("InvalidPart");
        HttpResponse<String> onlyTheLast = s3.send("POST", "/errors/multi.bin?uploadId=" + uploadId,
                complete(List.of(2), List.of(etag2)));
        assertThat(onlyTheLast.statusCode()).isEqualTo(200);
        assertThat(S3Requests.errorCode(s3.send("POST", "/errors/multi.bin?uploadId=" + uploadId,
                complete(List.of(1), List.of(etag1))).body())).isEqualTo("NoSuchUpload");
        assertThat(s3.send("DELETE", "/errors/multi.bin", new byte[0]).statusCode()).isEqualTo(204);

        String again = between(s3.send("POST", "/errors/multi.bin?uploads", new byte[0]).body(), "<UploadId>", "</UploadId>");
        s3.send("PUT", "/errors/multi.bin?partNumber=1&uploadId=" + again, second);
        HttpResponse<String> smallFirst = s3.send("PUT", "/errors/multi.bin?partNumber=2&uploadId=" + again, second);
        assertThat(S3Requests.errorCode(s3.send("POST", "/errors/multi.bin?uploadId=" + again,
                complete(List.of(1, 2), List.of(smallFirst.headers().firstValue("ETag").orElseThrow(),
                        smallFirst.headers().firstValue("ETag").orElseThrow()))).body())).isEqualTo("EntityTooSmall");
        assertThat(s3.send("DELETE", "/errors/multi.bin?uploadId=" + again, new byte[0]).statusCode()).isEqualTo(204);
        assertThat(S3Requests.errorCode(s3.send("DELETE", "/errors/multi.bin?uploadId=" + again, new byte[0]).body()))
                .isEqualTo("NoSuchUpload");
        assertThat(s3.send("HEAD", "/errors/multi.bin", new byte[0]).statusCode()).isEqualTo(404);
        assertNothingLeft();
    }

    @Test
    void operatorsWriteAndDevicesAndStrangersAreRefused() {
        Cli.Key operator = Cli.addKey(dataDir, "--role", "operator");
        Cli.Key device = Cli.addKey(dataDir, "--role", "device", "--things", "pump-*");
        S3Requests asOperator = new S3Requests(server.endpoint(), operator.accessKeyId(), operator.secretAccessKey());
        S3Requests asDevice = new S3Requests(server.endpoint(), device.accessKeyId(), device.secretAccessKey());
        await().atMost(Duration.ofSeconds(10)).until(() -> asOperator.send("PUT", "/errors/by-operator.txt",
                "ok".getBytes(StandardCharsets.UTF_8)).statusCode() == 200);
        HttpResponse<String> byDevice = asDevice.send("GET", "/errors/by-operator.txt", new byte[0]);
        assertThat(byDevice.statusCode()).isEqualTo(403);
        assertThat(S3Requests.errorCode(byDevice.body())).isEqualTo("AccessDenied");
        assertThat(S3Requests.errorCode(asDevice.send("PUT", "/errors/by-device.txt", new byte[1]).body())).isEqualTo("AccessDenied");
        S3Requests stranger = new S3Requests(server.endpoint(), "AKIDNOBODY0000000000", "nope");
        assertThat(S3Requests.errorCode(stranger.send("GET", "/errors/by-operator.txt", new byte[0]).body()))
                .isEqualTo("InvalidAccessKeyId");
        S3Requests wrongSecret = new S3Requests(server.endpoint(), operator.accessKeyId(), "not-the-secret");
        assertThat(S3Requests.errorCode(wrongSecret.send("GET", "/errors/by-operator.txt", new byte[0]).body()))
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(s3.send("DELETE", "/errors/by-operator.txt", new byte[0]).statusCode()).isEqualTo(204);
    }

    private static void assertNothingLeft() {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ArtifactStoreCliTest.filesUnder(dataDir.resolve("artifacts")))
                .allMatch(file -> file.getFileName().toString().equals("bucket.json")));
    }

    private static byte[] complete(List<Integer> numbers, List<String> etags) {
        StringBuilder xml = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int i = 0; i < numbers.size(); i++) {
            xml.append("<Part><ETag>").append(etags.get(i)).append("</ETag><PartNumber>").append(numbers.get(i))
                    .append("</PartNumber></Part>");
        }
        return xml.append("</CompleteMultipartUpload>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        return text.substring(from + start.length(), text.indexOf(end, from));
    }

    /** A raw HTTP/1.1 exchange: status, response head and body. */
    record Raw(int status, String head, String body) {
    }

    private static Raw raw(SdkHttpRequest signed, byte[] body) throws IOException {
        return raw(signed, body.length, body);
    }

    /** Sends the signed head with {@code declaredLength}, then {@code sent} (which may be shorter), and reads the answer. */
    private static Raw raw(SdkHttpRequest signed, long declaredLength, byte[] sent) throws IOException {
        StringBuilder head = new StringBuilder(signed.method().name() + " " + signed.encodedPath()
                + signed.encodedQueryParameters().map(q -> "?" + q).orElse("") + " HTTP/1.1\r\n");
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("content-length")) {
                values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n"));
            }
        });
        head.append("Content-Length: ").append(declaredLength).append("\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", server.endpoint().getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(sent);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Raw read(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buffer.write(b);
            String text = buffer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                String head = text.substring(0, end);
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
                int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
                byte[] body = in.readNBytes(bodyLength);
                return new Raw(Integer.parseInt(head.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8));
            }
        }
        return new Raw(0, buffer.toString(StandardCharsets.ISO_8859_1), "");
    }
}
