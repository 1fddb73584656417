package dev.fleetjobs.server.s3;

import dev.fleetjobs.server.artifacts.ArtifactError;
import dev.fleetjobs.server.artifacts.BucketInfo;
import dev.fleetjobs.server.artifacts.LocalObjectStore;
import dev.fleetjobs.server.artifacts.ObjectListing;
import dev.fleetjobs.server.artifacts.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

/** ListBuckets, CreateBucket, DeleteBucket, HeadBucket, GetBucketLocation and ListObjectsV2. */
final class BucketOperations {

    private static final int MAX_KEYS = 1000;
    private static final int CREATE_BODY_LIMIT = 64 * 1024;

    private final LocalObjectStore store;
    private final Clock clock;
    private final String accountId;

    BucketOperations(LocalObjectStore store, Clock clock, String accountId) {
        this.store = store;
        this.clock = clock;
        this.accountId = accountId;
    }

    void list(S3Exchange exchange) {
        S3Xml xml = S3Xml.document().root("ListAllMyBucketsResult")
                .open("Owner").element("ID", accountId).element("DisplayName", "fleetjobs").close("Owner").open("Buckets");
        for (BucketInfo bucket : store.buckets()) {
            xml.open("Bucket").element("Name", bucket.name()).element("CreationDate", S3Xml.timestamp(bucket.createdMillis()))
                    .close("Bucket");
        }
        exchange.xml(200, xml.close("Buckets").close("ListAllMyBucketsResult"));
    }

    /** The optional CreateBucketConfiguration body (a location constraint) is read and ignored: there is one region here. */
    void create(S3Exchange exchange, String bucket, String payloadHash) {
        BodyReceiver.small(exchange.request(), CREATE_BODY_LIMIT, payloadHash)
                .thenCompose(body -> exchange.onDisk(() -> {
                    store.createBucket(bucket, clock.millis());
                    return null;
                }))
                .whenComplete((created, failure) -> {
                    if (failure != null) {
                        exchange.fail(failure);
                    } else {
                        exchange.empty(200, Map.of("Location", "/" + bucket, "Content-Length", "0"));
                    }
                });
    }

    void delete(S3Exchange exchange, String bucket) {
        exchange.emptyWhenDone(exchange.onDisk(() -> {
            store.deleteBucket(bucket);
            return null;
        }), 204);
    }

    void head(S3Exchange exchange, String bucket) {
        store.requireBucket(bucket);
        exchange.empty(200, Map.of("x-amz-bucket-region", "us-east-1", "Content-Length", "0"));
    }

    void listObjects(S3Exchange exchange, String bucket) {
        store.requireBucket(bucket);
        if (exchange.query().containsKey("location")) {
            exchange.xml(200, S3Xml.document().root("LocationConstraint").close("LocationConstraint"));
            return;
        }
        if (!"2".equals(exchange.param("list-type")) || exchange.query().containsKey("versions")
                || exchange.query().containsKey("uploads")) {
            throw S3Front.notImplemented();
        }
        String prefix = exchange.param("prefix") == null ? "" : exchange.param("prefix");
        String delimiter = exchange.param("delimiter");
        String token = exchange.param("continuation-token");
        String startAfter = exchange.param("start-after");
        boolean urlEncoded = "url".equals(exchange.param("encoding-type"));
        int maxKeys = maxKeys(exchange.param("max-keys"));
        String after = token != null ? fromToken(token) : startAfter;
        ObjectListing page = store.list(bucket, prefix, delimiter, after, maxKeys);
        S3Xml xml = S3Xml.document().root("ListBucketResult").element("Name", bucket)
                .element("Prefix", encode(prefix, urlEncoded)).element("Delimiter", encode(delimiter, urlEncoded))
                .element("MaxKeys", maxKeys).element("EncodingType", urlEncoded ? "url" : null)
                .element("IsTruncated", page.truncated()).element("KeyCount", page.contents().size() + page.commonPrefixes().size())
                .element("ContinuationToken", token).element("StartAfter", encode(startAfter, urlEncoded))
                .element("NextContinuationToken", page.truncated() ? toToken(page.lastReturned()) : null);
        for (StoredObject object : page.contents()) {
            xml.open("Contents").element("Key", encode(object.key(), urlEncoded))
                    .element("LastModified", S3Xml.timestamp(object.lastModifiedMillis()))
                    .element("ETag", "\"" + object.etag() + "\"").element("Size", object.size())
                    .element("StorageClass", "STANDARD").close("Contents");
        }
        for (String common : page.commonPrefixes()) {
            xml.open("CommonPrefixes").element("Prefix", encode(common, urlEncoded)).close("CommonPrefixes");
        }
        exchange.xml(200, xml.close("ListBucketResult"));
    }

    private static int maxKeys(String text) {
        if (text == null) {
            return MAX_KEYS;
        }
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return Math.min(value, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw new ArtifactError("InvalidArgument", 400, "Provided max-keys not an integer or within integer range");
        }
    }

    private static String toToken(String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(after.getBytes(StandardCharsets.UTF_8));
    }

    private static String fromToken(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ArtifactError("InvalidArgument", 400, "The continuation token provided is incorrect");
        }
    }

    /** With {@code encoding-type=url} S3 percent-encodes names in the listing (the CLI asks for it and decodes them). */
    private static String encode(String value, boolean urlEncoded) {
        if (value == null || !urlEncoded) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~' || c == '/') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }
}
