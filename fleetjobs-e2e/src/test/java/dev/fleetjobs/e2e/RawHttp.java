package dev.fleetjobs.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * HTTP/1.1 written byte by byte on a socket, for requests no well-behaved client would send;
 * signed with the AWS SDK's signer when asked, so that they get past authentication.
 */
final class RawHttp {

    /** A response's status (0 when the server closed without answering) and its error type. */
    record Response(int status, String errorType, String head) {
    }

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** The request's bytes, SigV4-signed for {@code service} with the given key; the body is signed as it is. */
    byte[] signed(String service, String method, String rawPathAndQuery, byte[] body, Map<String, String> extraHeaders, Cli.Key key) {
        URI uri = URI.create("http://127.0.0.1:" + port + rawPathAndQuery);
        SdkHttpFullRequest unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body)).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
        StringBuilder head = new StringBuilder(method + " " + rawPathAndQuery + " HTTP/1.1\r\n");
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("content-length")) {
                header.getValue().forEach(v -> head.append(header.getKey()).append(": ").append(v).append("\r\n"));
            }
        }
        extraHeaders.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return withBody(head, body);
    }

    /** An unsigned request with the given headers. */
    byte[] plain(String method, String rawPathAndQuery, byte[] body, Map<String, String> headers) {
        StringBuilder head = new StringBuilder(method + " " + rawPathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return withBody(head, body);
    }

    private static byte[] withBody(StringBuilder head, byte[] body) {
        head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    /** Sends the bytes and reads the response head; a connection closed or reset without an answer is status 0. */
    Response send(byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading everything (oversized input); read what it said.
            }
            return parse(readHead(socket.getInputStream()));
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not answer within 10 s", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readHead(InputStream in) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.size() >= 4 && head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not answer within 10 s", e);
        } catch (IOException reset) {
            // a reset after or instead of an answer: keep what arrived
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static Response parse(String head) {
        if (!head.startsWith("HTTP/1.1 ") && !head.startsWith("HTTP/1.0 ")) {
            return new Response(0, null, head);
        }
        int status = Integer.parseInt(head.substring(9, 12));
        String errorType = null;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("x-amzn-errortype:")) {
                errorType = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return new Response(status, errorType, head);
    }
}
