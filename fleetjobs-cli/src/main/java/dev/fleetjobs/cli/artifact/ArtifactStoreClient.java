package dev.fleetjobs.cli.artifact;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The few S3 operations {@code fleetjobs artifact} needs, path-style against the server's S3 front
 * (or any S3-compatible endpoint), signed by the AWS SDK's SigV4 signer with S3's settings. Files
 * above the part size go up as a multipart upload, one part in memory at a time.
 */
final class ArtifactStoreClient {

    static final long PART_SIZE = 8L * 1024 * 1024;
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect");
    private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    /** An S3 error answer. */
    static final class S3Failure extends RuntimeException {
        final String code;

        S3Failure(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }

    /** One object of a listing. */
    record Listed(String key, long size, String lastModified) {
    }

    private final URI endpoint;
    private final String region;
    private final AwsCredentials credentials;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    ArtifactStoreClient(URI endpoint, String region, AwsCredentials credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /** Creates the bucket unless it is there. */
    void ensureBucket(String bucket) {
        HttpResponse<String> answer = send("PUT", "/" + bucket, "", new byte[0], Map.of());
        if (answer.statusCode() != 200 && !code(answer.body()).equals("BucketAlreadyOwnedByYou")) {
            throw failure(answer);
        }
    }

    /** Uploads the file (multipart above {@link #PART_SIZE}); answers the ETag. */
    String upload(Path file, String bucket, String key) throws IOException {
        long size = Files.size(file);
        String path = objectPath(bucket, key);
        if (size <= PART_SIZE) {
            return etag(expect(send("PUT", path, "", Files.readAllBytes(file), Map.of("Content-Type", "application/octet-stream")), 200));
        }
        String created = expect(send("POST", path, "uploads", new byte[0], Map.of("Content-Type", "application/octet-stream")), 200).body();
        String uploadId = between(created, "<UploadId>", "</UploadId>");
        StringBuilder complete = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        try (InputStream in = Files.newInputStream(file)) {
            for (int part = 1; ; part++) {
                byte[] bytes = in.readNBytes((int) PART_SIZE);
                if (bytes.length == 0) {
                    break;
                }
                String etag = etag(expect(send("PUT", path, "partNumber=" + part + "&uploadId=" + uploadId, bytes, Map.of()), 200));
                complete.append("<Part><ETag>").append(etag).append("</ETag><PartNumber>").append(part).append("</PartNumber></Part>");
            }
            complete.append("</CompleteMultipartUpload>");
            String done = expect(send("POST", path, "uploadId=" + uploadId, complete.toString().getBytes(StandardCharsets.UTF_8),
                    Map.of("Content-Type", "application/xml")), 200).body();
            return between(done, "<ETag>", "</ETag>").replace("&quot;", "\"");
        } catch (IOException | RuntimeException e) {
            send("DELETE", path, "uploadId=" + uploadId, new byte[0], Map.of());
            throw e;
        }
    }

    List<Listed> list(String bucket, String prefix) {
        List<Listed> objects = new ArrayList<>();
        String token = null;
        Pattern contents = Pattern.compile("<Contents><Key>([^<]*)</Key><LastModified>([^<]*)</LastModified>.*?<Size>(\\d+)</Size>");
        do {
            String query = "list-type=2&prefix=" + encode(prefix, false) + (token == null ? "" : "&continuation-token=" + encode(token, false));
            String page = expect(send("GET", "/" + bucket, query, new byte[0], Map.of()), 200).body();
            Matcher matcher = contents.matcher(page);
            while (matcher.find()) {
                objects.add(new Listed(unescape(matcher.group(1)), Long.parseLong(matcher.group(3)), matcher.group(2)));
            }
            token = page.contains("<IsTruncated>true</IsTruncated>") ? between(page, "<NextContinuationToken>", "</NextContinuationToken>")
                    : null;
        } while (token != null);
        return objects;
    }

    /** The SHA-256 the built-in store keeps for the object ({@code x-amz-meta-sha256}), if the store has one. */
    Optional<String> sha256(String bucket, String key) {
        HttpResponse<String> head = expect(send("HEAD", objectPath(bucket, key), "", new byte[0], Map.of()), 200);
        return head.headers().firstValue("x-amz-meta-sha256");
    }

    /** Deletes the object; one that is not there is an error here (S3 itself would answer success). */
    void delete(String bucket, String key) {
        if (send("HEAD", objectPath(bucket, key), "", new byte[0], Map.of()).statusCode() == 404) {
            throw new S3Failure("NoSuchKey", "s3://" + bucket + "/" + key + " does not exist (or its bucket does not)");
        }
        expect(send("DELETE", objectPath(bucket, key), "", new byte[0], Map.of()), 204);
    }

    static String objectPath(String bucket, String key) {
        return "/" + bucket + "/" + encode(key, true);
    }

    /** Percent-encodes as S3 clients do: unreserved characters kept, and slashes in keys. */
    static String encode(String text, boolean keepSlash) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }

    private HttpResponse<String> send(String method, String rawPath, String rawQuery, byte[] body, Map<String, String> headers) {
        URI uri = URI.create(endpoint.toString().replaceAll("/+$", "") + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery));
        SdkHttpFullRequest.Builder unsigned = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .contentStreamProvider(ContentStreamProvider.fromByteArray(body));
        headers.forEach(unsigned::putHeader);
        AwsCredentialsIdentity identity = credentials.sessionToken() == null
                ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(identity).request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.systemUTC())).request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        signed.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("cannot reach " + endpoint + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("the request to " + endpoint + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw failure(answer);
        }
        return answer;
    }

    private static S3Failure failure(HttpResponse<String> answer) {
        String code = code(answer.body());
        Matcher message = MESSAGE.matcher(answer.body());
        return new S3Failure(code.isEmpty() ? "HTTP " + answer.statusCode() : code,
                message.find() ? unescape(message.group(1)) : "the store answered HTTP " + answer.statusCode());
    }

    private static String code(String body) {
        Matcher matcher = CODE.matcher(body == null ? "" : body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String etag(HttpResponse<String> answer) {
        return answer.headers().firstValue("ETag").orElse("");
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = from < 0 ? -1 : text.indexOf(end, from);
        if (to < 0) {
            throw new IllegalStateException("Unexpected answer from the store: " + text);
        }
        return text.substring(from + start.length(), to);
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
