package dev.fleetjobs.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * S3 requests signed the way S3 clients sign them (the AWS SDK's SigV4 signer with S3's settings:
 * path neither normalized nor encoded twice, payload hash in {@code x-amz-content-sha256}), sent
 * with the JDK's HTTP client, for the cases the AWS CLI cannot make.
 */
final class S3Requests {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
    private final URI endpoint;
    private final String accessKeyId;
    private final String secretKey;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    S3Requests(URI endpoint, String accessKeyId, String secretKey) {
        this.endpoint = endpoint;
        this.accessKeyId = accessKeyId;
        this.secretKey = secretKey;
    }

    static S3Requests root(RunningServer server) {
        return new S3Requests(server.endpoint(), RunningServer.ACCESS_KEY, RunningServer.SECRET_KEY);
    }

    HttpResponse<String> send(String method, String rawPathAndQuery, byte[] body) {
        return send(method, rawPathAndQuery, body, Map.of());
    }

    HttpResponse<String> send(String method, String rawPathAndQuery, byte[] body, Map<String, String> headers) {
        SdkHttpRequest signed = sign(method, rawPathAndQuery, body, headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + rawPathAndQuery))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The signed request's headers (with {@code Host} and {@code Content-Length}), for raw-socket tests. */
    SdkHttpRequest sign(String method, String rawPathAndQuery, byte[] body, Map<String, String> headers) {
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(endpoint + rawPathAndQuery)).contentStreamProvider(ContentStreamProvider.fromByteArray(body));
        headers.forEach(unsigned::putHeader);
        if (body.length > 0 && !headers.containsKey("Content-Length")) {
            unsigned.putHeader("Content-Length", Integer.toString(body.length));
        }
        return AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsBasicCredentials.create(accessKeyId, secretKey))
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
    }

    void createBucket(String bucket) {
        expect(send("PUT", "/" + bucket, new byte[0]), 200);
    }

    void put(String bucket, String key, byte[] content) {
        expect(send("PUT", "/" + bucket + "/" + key, content), 200);
    }

    /** A GET without any credentials (a device with a presigned URL). */
    HttpResponse<byte[]> anonymousGet(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.statusCode() + ": " + response.body());
        }
    }

    static String errorCode(String xml) {
        int start = xml.indexOf("<Code>");
        int end = xml.indexOf("</Code>");
        return start < 0 || end < 0 ? "" : xml.substring(start + "<Code>".length(), end);
    }
}
