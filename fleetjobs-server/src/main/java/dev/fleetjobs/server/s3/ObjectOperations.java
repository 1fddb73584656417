package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.artifacts.LocalObjectStore;
import dev.fleetjobs.server.artifacts.MultipartUploads;
import dev.fleetjobs.server.artifacts.Names;
import dev.fleetjobs.server.artifacts.StoredObject;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The object operations: PutObject, the multipart upload operations, HeadObject, GetObject (with
 * {@code Range}), DeleteObject and DeleteObjects. An upload is refused before its body is read when
 * its headers already say it cannot succeed (no length, over S3's 5 GiB, unknown bucket or upload,
 * a bad key); a refused or broken upload leaves no file behind.
 */
final class ObjectOperations {

    /** S3's limit for one PUT and for one part. */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024 * 1024;
    private static final int XML_BODY_LIMIT = 1024 * 1024;

    private final LocalObjectStore store;
    private final Clock clock;

    ObjectOperations(LocalObjectStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    void put(S3Exchange exchange, String bucket, String key, String payloadHash) {
        long length = uploadLength(exchange.request());
        Names.key(key);
        store.requireBucket(bucket);
        String contentType = exchange.request().getHeader("Content-Type");
        receive(exchange, length, payloadHash, () -> null)
                .thenCompose(received -> exchange.onDisk(() -> publishOrDiscard(received,
                        () -> store.publish(bucket, key, received.file(), received.size(), received.md5Hex(), received.sha256Hex(),
                                contentType, clock.millis()))))
                .whenComplete((object, failure) -> {
                    if (failure != null) {
                        exchange.fail(failure);
                    } else {
                        exchange.empty(200, Map.of("ETag", quoted(object.etag()), "Content-Length", "0"));
                    }
                });
    }

    void createUpload(S3Exchange exchange, String bucket, String key) {
        Names.key(key);
        String contentType = exchange.request().getHeader("Content-Type");
        exchange.onDisk(() -> store.uploads().create(bucket, key, contentType, clock.millis())).whenComplete((uploadId, failure) -> {
            if (failure != null) {
                exchange.fail(failure);
            } else {
                exchange.xml(200, S3Xml.document().root("InitiateMultipartUploadResult").element("Bucket", bucket)
                        .element("Key", key).element("UploadId", uploadId).close("InitiateMultipartUploadResult"));
            }
        });
    }

    void uploadPart(S3Exchange exchange, String bucket, String key, String uploadId, String partNumberText, String payloadHash) {
        int partNumber = partNumber(partNumberText);
        long length = uploadLength(exchange.request());
        receive(exchange, length, payloadHash, () -> {
            store.uploads().require(bucket, key, uploadId);
            return null;
        }).thenCompose(received -> exchange.onDisk(() -> publishOrDiscard(received, () -> {
            store.uploads().putPart(bucket, key, uploadId, partNumber, received.file(), received.size(), received.md5Hex());
            return received.md5Hex();
        }))).whenComplete((etag, failure) -> {
            if (failure != null) {
                exchange.fail(failure);
            } else {
                exchange.empty(200, Map.of("ETag", quoted(etag), "Content-Length", "0"));
            }
        });
    }

    void completeUpload(S3Exchange exchange, String bucket, String key, String uploadId, String payloadHash) {
        BodyReceiver.small(exchange.request(), XML_BODY_LIMIT, payloadHash)
                .thenCompose(body -> {
                    List<MultipartUploads.PartRef> parts = S3Xml.completeParts(body);
                    return exchange.onDisk(() -> store.uploads().complete(bucket, key, uploadId, parts, clock.millis()));
                })
                .whenComplete((object, failure) -> {
                    if (failure != null) {
                        exchange.fail(failure);
                    } else {
                        String host = exchange.request().getHeader("Host");
                        exchange.xml(200, S3Xml.document().root("CompleteMultipartUploadResult")
                                .element("Location", "http://" + host + "/" + bucket + "/" + key).element("Bucket", bucket)
                                .element("Key", key).element("ETag", quoted(object.etag())).close("CompleteMultipartUploadResult"));
                    }
                });
    }

    void abortUpload(S3Exchange exchange, String bucket, String key, String uploadId) {
        exchange.emptyWhenDone(exchange.onDisk(() -> {
            store.uploads().abort(bucket, key, uploadId);
            return null;
        }), 204);
    }

    void get(S3Exchange exchange, String bucket, String key, boolean headOnly) {
        StoredObject object = store.head(bucket, key);
        Optional<ByteRange> range = ByteRange.parse(exchange.request().getHeader("Range"), object.size());
        HttpServerResponse response = S3Responses.start(exchange.request(), exchange.requestId(), range.isPresent() ? 206 : 200)
                .putHeader("ETag", quoted(object.etag()))
                .putHeader("Last-Modified", S3Responses.HTTP_DATE.format(Instant.ofEpochMilli(object.lastModifiedMillis())))
                .putHeader("Accept-Ranges", "bytes")
                .putHeader("Content-Type", object.contentType() == null ? "binary/octet-stream" : object.contentType())
                .putHeader("x-amz-meta-sha256", object.sha256());
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(object.size());
        range.ifPresent(r -> response.putHeader("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + object.size()));
        if (headOnly || length == 0) {
            response.putHeader("Content-Length", Long.toString(length)).end();
            return;
        }
        Path content = store.contentOf(bucket, object);
        response.sendFile(content.toString(), first, length).onFailure(failure -> {
            if (!response.headWritten()) {
                exchange.fail(new ArtifactError("NoSuchKey", 404, "The specified key does not exist: " + key));
            } else {
                exchange.request().connection().close();
            }
        });
    }

    void delete(S3Exchange exchange, String bucket, String key) {
        exchange.emptyWhenDone(exchange.onDisk(() -> {
            store.delete(bucket, key);
            return null;
        }), 204);
    }

    void deleteMany(S3Exchange exchange, String bucket, String payloadHash) {
        BodyReceiver.small(exchange.request(), XML_BODY_LIMIT, payloadHash)
                .thenCompose(body -> {
                    S3Xml.DeleteRequest request = S3Xml.deleteKeys(body);
                    return exchange.onDisk(() -> {
                        List<String> deleted = new ArrayList<>();
                        for (String key : request.keys()) {
                            store.delete(bucket, key);
                            deleted.add(key);
                        }
                        return request.quiet() ? List.<String>of() : deleted;
                    });
                })
                .whenComplete((deleted, failure) -> {
                    if (failure != null) {
                        exchange.fail(failure);
                        return;
                    }
                    S3Xml xml = S3Xml.document().root("DeleteResult");
                    deleted.forEach(key -> xml.open("Deleted").element("Key", key).close("Deleted"));
                    exchange.xml(200, xml.close("DeleteResult"));
                });
    }

    /**
     * Checks on the disk pool ({@code precheck}), makes a scratch file, streams the body into it and
     * checks it; the scratch file is removed if anything fails.
     */
    private CompletableFuture<BodyReceiver.Received> receive(S3Exchange exchange, long length, String payloadHash,
                                                             S3Exchange.DiskWork<Void> precheck) {
        HttpServerRequest request = exchange.request();
        Path[] scratch = new Path[1];
        return exchange.onDisk(() -> {
            precheck.run();
            scratch[0] = store.newScratchFile();
            return scratch[0];
        }).thenCompose(file -> BodyReceiver.toFile(request, exchange.vertx(), file, length, payloadHash))
                .whenComplete((received, failure) -> {
                    if (failure != null && scratch[0] != null) {
                        exchange.onDisk(() -> Files.deleteIfExists(scratch[0]));
                    }
                });
    }

    private static <T> T publishOrDiscard(BodyReceiver.Received received, S3Exchange.DiskWork<T> publish) throws IOException {
        try {
            return publish.run();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(received.file());
            throw e;
        }
    }

    private static long uploadLength(HttpServerRequest request) {
        String header = request.getHeader("Content-Length");
        if (header == null) {
            throw new ArtifactError("MissingContentLength", 411, "You must provide the Content-Length HTTP header.");
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw new ArtifactError("InvalidArgument", 400, "Content-Length is not a number.");
        }
        if (length > MAX_UPLOAD_BYTES) {
            throw new ArtifactError("EntityTooLarge", 400, "Your proposed upload exceeds the maximum allowed object size of "
                    + MAX_UPLOAD_BYTES + " bytes; use a multipart upload.");
        }
        return length;
    }

    private static int partNumber(String text) {
        try {
            int number = Integer.parseInt(text == null ? "" : text);
            if (number >= 1 && number <= MultipartUploads.MAX_PART_NUMBER) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ArtifactError("InvalidArgument", 400, "Part number must be an integer between 1 and "
                + MultipartUploads.MAX_PART_NUMBER + ", inclusive");
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
