package dev.fleetjobs.server.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * S3 multipart uploads of the built-in store: each upload is a folder with its target and one
 * content file per part. Completing checks the parts as S3 does (ascending numbers, known ETags,
 * every part but the last at least 5 MiB), joins them into one file while hashing it, and
 * publishes the object; until then nothing of the upload is visible as an object.
 */
public final class MultipartUploads {

    /** S3's smallest part, except for the last one. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final int MAX_PART_NUMBER = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    /** A part as CompleteMultipartUpload lists it. */
    public record PartRef(int partNumber, String etag) {
    }

    private record Part(int partNumber, String etag, long size, String dataFile) {
    }

    private final LocalObjectStore store;
    private final Path dir;

    MultipartUploads(LocalObjectStore store, Path dir) {
        this.store = store;
        this.dir = dir;
    }

    void open() throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> uploads = Files.list(dir)) {
            for (Path upload : uploads.filter(Files::isDirectory).toList()) {
                if (!Files.exists(upload.resolve("upload.json"))) {
                    deleteTree(upload);
                    continue;
                }
                removeUnreferencedParts(upload);
            }
        }
    }

    /** CreateMultipartUpload: a new upload id for {@code key} in the bucket. */
    public String create(String bucket, String key, String contentType, long nowMillis) throws IOException {
        store.requireBucket(bucket);
        Names.key(key);
        String uploadId = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
        Path upload = dir.resolve(uploadId);
        Files.createDirectories(upload);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("bucket", bucket);
        target.put("key", key);
        target.put("contentType", contentType);
        target.put("initiatedMillis", nowMillis);
        DurableFiles.write(upload.resolve("upload.json"), LocalObjectStore.JSON.writeValueAsBytes(target));
        return uploadId;
    }

    /** Refuses an upload id that is unknown or belongs to another bucket or key. */
    public void require(String bucket, String key, String uploadId) throws IOException {
        target(bucket, key, uploadId);
    }

    /** UploadPart: the part's content (flushed by the caller) replaces any earlier part of that number. */
    public void putPart(String bucket, String key, String uploadId, int partNumber, Path scratch, long size, String etag)
            throws IOException {
        target(bucket, key, uploadId);
        Path upload = dir.resolve(uploadId);
        Part part = new Part(partNumber, etag, size, String.format(Locale.ROOT, "part-%05d.%s.data", partNumber, UUID.randomUUID()));
        DurableFiles.moveInto(scratch, upload.resolve(part.dataFile()));
        Path record = upload.resolve(String.format(Locale.ROOT, "part-%05d.json", partNumber));
        synchronized (this) {
            Part previous = Files.exists(record) ? LocalObjectStore.JSON.readValue(record.toFile(), Part.class) : null;
            DurableFiles.write(record, LocalObjectStore.JSON.writeValueAsBytes(part));
            if (previous != null) {
                DurableFiles.deleteQuietly(upload.resolve(previous.dataFile()));
            }
        }
    }

    /** CompleteMultipartUpload: checks the listed parts, joins them and publishes the object. */
    public StoredObject complete(String bucket, String key, String uploadId, List<PartRef> parts, long nowMillis) throws IOException {
        JsonNode target = target(bucket, key, uploadId);
        if (parts.isEmpty()) {
            throw new ArtifactError("MalformedXML", 400, "The XML you provided lists no parts.");
        }
        Path upload = dir.resolve(uploadId);
        Part[] chosen = new Part[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            PartRef ref = parts.get(i);
            if (i > 0 && ref.partNumber() <= parts.get(i - 1).partNumber()) {
                throw new ArtifactError("InvalidPartOrder", 400, "The list of parts was not in ascending order. Parts must be"
                        + " ordered by part number.");
            }
            Path record = upload.resolve(String.format(Locale.ROOT, "part-%05d.json", ref.partNumber()));
            Part part = Files.exists(record) ? LocalObjectStore.JSON.readValue(record.toFile(), Part.class) : null;
            if (part == null || !part.etag().equals(unquote(ref.etag()))) {
                throw new ArtifactError("InvalidPart", 400, "One or more of the specified parts could not be found, or its"
                        + " entity tag did not match: part " + ref.partNumber() + ".");
            }
            chosen[i] = part;
        }
        for (int i = 0; i < chosen.length - 1; i++) {
            if (chosen[i].size() < MIN_PART_SIZE) {
                throw new ArtifactError("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed size:"
                        + " part " + chosen[i].partNumber() + " has " + chosen[i].size() + " bytes, parts but the last need "
                        + MIN_PART_SIZE + ".");
            }
        }
        Path joined = store.newScratchFile();
        MessageDigest sha256 = digest("SHA-256");
        MessageDigest etags = digest("MD5");
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(joined, StandardOpenOption.WRITE), sha256)) {
            for (Part part : chosen) {
                try (InputStream in = Files.newInputStream(upload.resolve(part.dataFile()))) {
                    size += in.transferTo(out);
                }
                etags.update(HEX.parseHex(part.etag()));
            }
        } catch (IOException e) {
            DurableFiles.deleteQuietly(joined);
            throw e;
        }
        DurableFiles.force(joined);
        String etag = HEX.formatHex(etags.digest()) + "-" + chosen.length;
        StoredObject object = store.publish(bucket, key, joined, size, etag, HEX.formatHex(sha256.digest()),
                target.path("contentType").isTextual() ? target.get("contentType").asText() : null, nowMillis);
        deleteTree(upload);
        return object;
    }

    /** AbortMultipartUpload: the upload and its parts are gone. */
    public void abort(String bucket, String key, String uploadId) throws IOException {
        target(bucket, key, uploadId);
        deleteTree(dir.resolve(uploadId));
    }

    boolean anyFor(String bucket) throws IOException {
        try (Stream<Path> uploads = Files.list(dir)) {
            for (Path upload : uploads.toList()) {
                Path record = upload.resolve("upload.json");
                if (Files.exists(record) && bucket.equals(LocalObjectStore.JSON.readTree(record.toFile()).path("bucket").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonNode target(String bucket, String key, String uploadId) throws IOException {
        store.requireBucket(bucket);
        if (uploadId == null || !uploadId.matches("[0-9a-f]{64}")) {
            throw ArtifactError.noSuchUpload(String.valueOf(uploadId));
        }
        Path record = dir.resolve(uploadId).resolve("upload.json");
        if (!Files.exists(record)) {
            throw ArtifactError.noSuchUpload(uploadId);
        }
        JsonNode target = LocalObjectStore.JSON.readTree(record.toFile());
        if (!bucket.equals(target.path("bucket").asText()) || !key.equals(target.path("key").asText())) {
            throw ArtifactError.noSuchUpload(uploadId);
        }
        return target;
    }

    private static void removeUnreferencedParts(Path upload) throws IOException {
        java.util.Set<String> referenced = new java.util.HashSet<>();
        try (Stream<Path> files = Files.list(upload)) {
            for (Path record : files.filter(f -> f.getFileName().toString().matches("part-\\d{5}\\.json")).toList()) {
                referenced.add(LocalObjectStore.JSON.readValue(record.toFile(), Part.class).dataFile());
            }
        }
        try (Stream<Path> files = Files.list(upload)) {
            files.filter(f -> f.getFileName().toString().endsWith(".data") && !referenced.contains(f.getFileName().toString())
                    || f.getFileName().toString().endsWith(".tmp")).forEach(DurableFiles::deleteQuietly);
        }
    }

    private static void deleteTree(Path upload) throws IOException {
        Files.deleteIfExists(upload.resolve("upload.json"));
        try (Stream<Path> files = Files.walk(upload)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(DurableFiles::deleteQuietly);
        }
    }

    private static String unquote(String etag) {
        String value = etag == null ? "" : etag.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
