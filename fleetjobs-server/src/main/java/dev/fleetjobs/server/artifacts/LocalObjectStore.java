package dev.fleetjobs.server.artifacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * The built-in artifact store: buckets and objects in the data directory. An object is a content
 * file and a small metadata file (key, size, ETag, SHA-256) named after the hash of its key; the
 * content is written to a scratch file, flushed and renamed into place first, and the object
 * becomes visible only when its metadata file is renamed into place, so a reader sees the old
 * object or the new one, never a part. The metadata is also held in memory, sorted by key, for
 * listing. Leftovers of an interrupted write are removed at open. All methods block on the disk:
 * call them off the event loop.
 */
public final class LocalObjectStore {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private record Bucket(long createdMillis, ConcurrentSkipListMap<String, StoredObject> objects) {
    }

    private final Path root;
    private final Path bucketsDir;
    private final Path scratchDir;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final MultipartUploads uploads;

    private LocalObjectStore(Path root) {
        this.root = root;
        this.bucketsDir = root.resolve("buckets");
        this.scratchDir = root.resolve("tmp");
        this.uploads = new MultipartUploads(this, root.resolve("uploads"));
    }

    /** Opens (creating it if needed) the store under {@code root}, removing what an interrupted write left. */
    public static LocalObjectStore open(Path root) throws IOException {
        LocalObjectStore store = new LocalObjectStore(root);
        ownerOnly(root);
        Files.createDirectories(store.bucketsDir);
        Files.createDirectories(store.scratchDir);
        try (Stream<Path> leftovers = Files.list(store.scratchDir)) {
            leftovers.forEach(DurableFiles::deleteQuietly);
        }
        try (Stream<Path> dirs = Files.list(store.bucketsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                store.load(dir);
            }
        }
        store.uploads.open();
        return store;
    }

    public Path root() {
        return root;
    }

    public MultipartUploads uploads() {
        return uploads;
    }

    /** A new empty scratch file on the store's file system, for an upload to stream into. */
    public Path newScratchFile() throws IOException {
        return Files.createFile(scratchDir.resolve(UUID.randomUUID() + ".upload"));
    }

    public List<BucketInfo> buckets() {
        return buckets.entrySet().stream().map(e -> new BucketInfo(e.getKey(), e.getValue().createdMillis()))
                .sorted(java.util.Comparator.comparing(BucketInfo::name)).toList();
    }

    public synchronized void createBucket(String name, long nowMillis) throws IOException {
        Names.bucket(name);
        if (buckets.containsKey(name)) {
            throw new ArtifactError("BucketAlreadyOwnedByYou", 409,
                    "Your previous request to create the named bucket succeeded and you already own it.");
        }
        Path dir = bucketsDir.resolve(name);
        Files.createDirectories(dir.resolve("objects"));
        DurableFiles.write(dir.resolve("bucket.json"), JSON.writeValueAsBytes(Map.of("createdMillis", nowMillis)));
        DurableFiles.syncDirectory(bucketsDir);
        buckets.put(name, new Bucket(nowMillis, new ConcurrentSkipListMap<>()));
    }

    public synchronized void deleteBucket(String name) throws IOException {
        Bucket bucket = bucket(name);
        if (!bucket.objects().isEmpty() || uploads.anyFor(name)) {
            throw new ArtifactError("BucketNotEmpty", 409, "The bucket you tried to delete is not empty.");
        }
        buckets.remove(name);
        Path dir = bucketsDir.resolve(name);
        // The marker goes first: a bucket without it is not loaded again, whatever else is left.
        Files.deleteIfExists(dir.resolve("bucket.json"));
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(DurableFiles::deleteQuietly);
        }
        DurableFiles.syncDirectory(bucketsDir);
    }

    /** Refuses a bucket that does not exist (or a name that cannot be one). */
    public void requireBucket(String name) {
        bucket(name);
    }

    public StoredObject head(String bucketName, String key) {
        StoredObject object = bucket(bucketName).objects().get(key);
        if (object == null) {
            throw ArtifactError.noSuchKey(key);
        }
        return object;
    }

    /** The file holding an object's content; it stays readable while open even if the object is replaced. */
    public Path contentOf(String bucketName, StoredObject object) {
        return bucketsDir.resolve(bucketName).resolve("objects").resolve(object.dataFile());
    }

    /**
     * Up to {@code maxKeys} keys and common prefixes, in key order, after {@code after} (exclusive; null
     * for the start). With a delimiter, keys sharing the part of the key up to the first delimiter after
     * the prefix are rolled up into one common prefix.
     */
    public ObjectListing list(String bucketName, String prefix, String delimiter, String after, int maxKeys) {
        NavigableMap<String, StoredObject> objects = bucket(bucketName).objects();
        String from = after != null && after.compareTo(prefix) > 0 ? after : prefix;
        NavigableMap<String, StoredObject> tail = objects.tailMap(from, true);
        List<StoredObject> contents = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        for (StoredObject object : tail.values()) {
            String key = object.key();
            if (!key.startsWith(prefix)) {
                break;
            }
            if (after != null && key.compareTo(after) <= 0) {
                continue;
            }
            String rolledUp = null;
            if (delimiter != null && !delimiter.isEmpty()) {
                int at = key.indexOf(delimiter, prefix.length());
                if (at >= 0) {
                    rolledUp = key.substring(0, at + delimiter.length());
                }
            }
            if (rolledUp != null && rolledUp.equals(last)) {
                continue;
            }
            if (after != null && rolledUp != null && after.startsWith(rolledUp)) {
                continue;
            }
            if (contents.size() + prefixes.size() == maxKeys) {
                return new ObjectListing(contents, prefixes, true, last);
            }
            if (rolledUp != null) {
                prefixes.add(rolledUp);
                last = rolledUp;
            } else {
                contents.add(object);
                last = key;
            }
        }
        return new ObjectListing(contents, prefixes, false, null);
    }

    /**
     * Makes the content of {@code scratch} (already flushed to disk by the caller) the object at
     * {@code key}, replacing any object there.
     */
    public StoredObject publish(String bucketName, String key, Path scratch, long size, String etag, String sha256,
                                String contentType, long nowMillis) throws IOException {
        Names.key(key);
        Bucket bucket = bucket(bucketName);
        Path objectsDir = bucketsDir.resolve(bucketName).resolve("objects");
        String id = idOf(key);
        StoredObject object = new StoredObject(key, size, etag, sha256, contentType, nowMillis, id + "." + UUID.randomUUID() + ".data");
        DurableFiles.moveInto(scratch, objectsDir.resolve(object.dataFile()));
        synchronized (bucket) {
            if (!buckets.containsKey(bucketName)) {
                DurableFiles.deleteQuietly(objectsDir.resolve(object.dataFile()));
                throw ArtifactError.noSuchBucket(bucketName);
            }
            DurableFiles.write(objectsDir.resolve(id + ".meta"), JSON.writeValueAsBytes(object));
            StoredObject previous = bucket.objects().put(key, object);
            if (previous != null) {
                DurableFiles.deleteQuietly(objectsDir.resolve(previous.dataFile()));
            }
        }
        return object;
    }

    /** Deletes the object; deleting a key that is not there succeeds, as on S3. */
    public void delete(String bucketName, String key) throws IOException {
        Bucket bucket = bucket(bucketName);
        Path objectsDir = bucketsDir.resolve(bucketName).resolve("objects");
        synchronized (bucket) {
            StoredObject previous = bucket.objects().remove(key);
            if (previous == null) {
                return;
            }
            Files.deleteIfExists(objectsDir.resolve(idOf(key) + ".meta"));
            DurableFiles.syncDirectory(objectsDir);
            DurableFiles.deleteQuietly(objectsDir.resolve(previous.dataFile()));
        }
    }

    Path scratchDir() {
        return scratchDir;
    }

    private Bucket bucket(String name) {
        Bucket bucket = name == null ? null : buckets.get(name);
        if (bucket == null) {
            throw ArtifactError.noSuchBucket(name);
        }
        return bucket;
    }

    private void load(Path dir) throws IOException {
        Path marker = dir.resolve("bucket.json");
        if (!Files.exists(marker)) {
            return;
        }
        long created = JSON.readTree(marker.toFile()).path("createdMillis").asLong();
        ConcurrentSkipListMap<String, StoredObject> objects = new ConcurrentSkipListMap<>();
        Path objectsDir = dir.resolve("objects");
        Files.createDirectories(objectsDir);
        Set<String> referenced = new HashSet<>();
        try (Stream<Path> files = Files.list(objectsDir)) {
            for (Path meta : files.filter(f -> f.getFileName().toString().endsWith(".meta")).toList()) {
                StoredObject object = JSON.readValue(meta.toFile(), StoredObject.class);
                objects.put(object.key(), object);
                referenced.add(object.dataFile());
            }
        }
        try (Stream<Path> files = Files.list(objectsDir)) {
            files.filter(f -> !f.getFileName().toString().endsWith(".meta") && !referenced.contains(f.getFileName().toString()))
                    .forEach(DurableFiles::deleteQuietly);
        }
        buckets.put(dir.getFileName().toString(), new Bucket(created, objects));
    }

    /** The store's folder is its owner's alone, like the data directory around it (what is inside is reachable only through it). */
    private static void ownerOnly(Path dir) throws IOException {
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (!Files.exists(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(owner));
        }
        if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(dir, owner);
        }
    }

    static String idOf(String key) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
