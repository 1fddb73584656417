package dev.fleetjobs.server.artifacts;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built-in store's files as a backup copies them while the server may be writing: every
 * bucket marker, and for each object its metadata together with the content file that metadata
 * names (content files are never rewritten, only replaced under a new name, so a metadata file read
 * again after its content vanished names the newer one). Scratch files and leftovers are left out:
 * the store clears them at open. Multipart uploads in progress are copied as they are found.
 */
public final class ArtifactSnapshot {

    /** Receives the files, named relative to the store's folder with {@code /} between names. */
    public interface Sink {
        void bytes(String name, byte[] content) throws IOException;

        /** Opens {@code file} before writing anything, so a missing file leaves nothing behind. */
        void file(String name, Path file) throws IOException;
    }

    private static final int ATTEMPTS = 5;

    private ArtifactSnapshot() {
    }

    /** Copies the store under {@code root} (nothing when there is none) into {@code sink}. */
    public static void copy(Path root, Sink sink) throws IOException {
        Path buckets = root.resolve("buckets");
        for (Path bucket : children(buckets)) {
            byte[] marker = readIfPresent(bucket.resolve("bucket.json"));
            if (marker == null) {
                continue;
            }
            String bucketName = "buckets/" + bucket.getFileName();
            sink.bytes(bucketName + "/bucket.json", marker);
            for (Path meta : children(bucket.resolve("objects"))) {
                if (meta.getFileName().toString().endsWith(".meta")) {
                    copyObject(meta, bucketName + "/objects/", sink);
                }
            }
        }
        for (Path upload : children(root.resolve("uploads"))) {
            for (Path file : children(upload)) {
                if (!file.getFileName().toString().endsWith(".tmp") && Files.isRegularFile(file)) {
                    copyIfPresent("uploads/" + upload.getFileName() + "/" + file.getFileName(), file, sink);
                }
            }
        }
    }

    private static void copyObject(Path meta, String prefix, Sink sink) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            byte[] record = readIfPresent(meta);
            if (record == null) {
                return; // deleted meanwhile
            }
            JsonNode parsed = LocalObjectStore.JSON.readTree(record);
            String dataFile = parsed.path("dataFile").asText();
            Path content = meta.resolveSibling(dataFile);
            if (dataFile.isEmpty() || !content.normalize().getParent().equals(meta.getParent().normalize())) {
                return; // not a record the store would load either
            }
            try {
                sink.file(prefix + dataFile, content);
            } catch (NoSuchFileException replacedMeanwhile) {
                continue;
            }
            sink.bytes(prefix + meta.getFileName(), record);
            return;
        }
        throw new IOException("The object " + meta + " kept changing during the backup; try again");
    }

    private static void copyIfPresent(String name, Path file, Sink sink) throws IOException {
        try {
            sink.file(name, file);
        } catch (NoSuchFileException goneMeanwhile) {
            // the upload completed or was aborted while we looked
        }
    }

    private static byte[] readIfPresent(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.sorted().toList();
        } catch (NoSuchFileException gone) {
            return List.of();
        }
    }
}
