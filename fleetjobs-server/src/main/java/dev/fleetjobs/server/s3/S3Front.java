package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.artifacts.LocalObjectStore;
import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.auth.S3SignatureVerifier;
import dev.fleetjobs.server.auth.SignedRequest;
import dev.fleetjobs.server.http.HttpEdge;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The S3 plane: requests signed for the service {@code s3} (path-style addressing) are taken over
 * from the edge before their body is read, verified, authorized by role and run against the
 * built-in store. Uploads stream to disk ({@link BodyReceiver}); disk work runs on a small pool of
 * its own, never on the event loop. Bucket operations are in {@link BucketOperations}, object
 * operations in {@link ObjectOperations}.
 */
public final class S3Front implements HttpEdge.Takeover, AutoCloseable {

    private final S3SignatureVerifier verifier;
    private final AccessKeyRegistry keys;
    private final String readerKeyId;
    private final ExecutorService disk;
    private final BucketOperations buckets;
    private final ObjectOperations objects;

    /**
     * @param readerKeyId the access key id of the server's own presigned job URLs (read-only)
     * @param clock       the clock of modification times and new uploads (the job clock)
     */
    public S3Front(LocalObjectStore store, S3SignatureVerifier verifier, AccessKeyRegistry keys, String readerKeyId, Clock clock,
                   String accountId) {
        this.verifier = verifier;
        this.keys = keys;
        this.readerKeyId = readerKeyId;
        AtomicInteger threads = new AtomicInteger();
        this.disk = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "fleetjobs-artifacts-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.buckets = new BucketOperations(store, clock, accountId);
        this.objects = new ObjectOperations(store, clock);
    }

    /** Whether the request claims the S3 signing name: a cheap look at the credential scope, before anything is verified. */
    static boolean claims(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return authorization.contains("/s3/aws4_request");
        }
        String query = request.query();
        return query != null && query.contains("X-Amz-Credential=")
                && (query.contains("%2Fs3%2Faws4_request") || query.contains("/s3/aws4_request"));
    }

    @Override
    public boolean takeOver(HttpServerRequest request) {
        if (!claims(request)) {
            return false;
        }
        request.pause();
        S3Exchange exchange = new S3Exchange(request, UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(),
                Vertx.currentContext(), disk);
        try {
            S3SignatureVerifier.Verified verified = verifier.verify(new SignedRequest(request.method().name(), request.path(),
                    request.query(), headers(request), null));
            S3Caller caller = verified.accessKeyId().equals(readerKeyId)
                    ? S3Caller.reader() : S3Caller.of(keys.principal(verified.accessKeyId()));
            route(exchange, caller, verified.payloadHash());
        } catch (dev.fleetjobs.server.auth.UnrecognizedClientException e) {
            exchange.fail(new ArtifactError("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records."));
        } catch (RuntimeException e) {
            exchange.fail(e);
        }
        return true;
    }

    private void route(S3Exchange exchange, S3Caller caller, String payloadHash) {
        HttpServerRequest request = exchange.request();
        S3Path path = S3Path.parse(request.path());
        Map<String, List<String>> query = exchange.query();
        String method = request.method().name();
        if (path.bucket() == null) {
            if (!method.equals("GET")) {
                throw notAllowed(method);
            }
            caller.checkWrite();
            buckets.list(exchange);
            return;
        }
        if (path.key() == null) {
            caller.checkWrite();
            switch (method) {
                case "PUT" -> buckets.create(exchange, path.bucket(), payloadHash);
                case "DELETE" -> buckets.delete(exchange, path.bucket());
                case "HEAD" -> buckets.head(exchange, path.bucket());
                case "GET" -> buckets.listObjects(exchange, path.bucket());
                case "POST" -> {
                    if (!query.containsKey("delete")) {
                        throw notImplemented();
                    }
                    objects.deleteMany(exchange, path.bucket(), payloadHash);
                }
                default -> throw notAllowed(method);
            }
            return;
        }
        String uploadId = S3Exchange.first(query, "uploadId");
        switch (method) {
            case "GET", "HEAD" -> {
                caller.checkRead();
                objects.get(exchange, path.bucket(), path.key(), method.equals("HEAD"));
            }
            case "PUT" -> {
                caller.checkWrite();
                if (request.getHeader("x-amz-copy-source") != null) {
                    throw notImplemented();
                }
                if (uploadId != null) {
                    objects.uploadPart(exchange, path.bucket(), path.key(), uploadId, S3Exchange.first(query, "partNumber"), payloadHash);
                } else {
                    objects.put(exchange, path.bucket(), path.key(), payloadHash);
                }
            }
            case "POST" -> {
                caller.checkWrite();
                if (query.containsKey("uploads")) {
                    objects.createUpload(exchange, path.bucket(), path.key());
                } else if (uploadId != null) {
                    objects.completeUpload(exchange, path.bucket(), path.key(), uploadId, payloadHash);
                } else {
                    throw notImplemented();
                }
            }
            case "DELETE" -> {
                caller.checkWrite();
                if (uploadId != null) {
                    objects.abortUpload(exchange, path.bucket(), path.key(), uploadId);
                } else {
                    objects.delete(exchange, path.bucket(), path.key());
                }
            }
            default -> throw notAllowed(method);
        }
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return headers;
    }

    private static ArtifactError notAllowed(String method) {
        return new ArtifactError("MethodNotAllowed", 405, "The specified method is not allowed against this resource: " + method);
    }

    static ArtifactError notImplemented() {
        return new ArtifactError("NotImplemented", 501, "A header or query you provided implies functionality that is not"
                + " implemented by Fleetjobs' S3 subset.");
    }

    @Override
    public void close() {
        disk.shutdownNow();
    }
}
