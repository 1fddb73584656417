package dev.fleetjobs.server.artifacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactSnapshotTest {

    @TempDir
    Path work;

    private Path root;

    @org.junit.jupiter.api.BeforeEach
    void storeFolder() {
        root = work.resolve("artifacts");
    }

    @Test
    void copiesEachObjectWithTheContentItsMetadataNamesAndLeavesScratchFilesOut() throws IOException {
        LocalObjectStore store = LocalObjectStore.open(root);
        store.createBucket("firmware", 1);
        put(store, "a.bin", "alpha");
        Files.writeString(store.newScratchFile(), "half an upload");
        Map<String, String> copied = copy(root, (name, file) -> { });
        assertThat(copied.keySet()).hasSize(3).contains("buckets/firmware/bucket.json")
                .anyMatch(n -> n.startsWith("buckets/firmware/objects/") && n.endsWith(".meta"))
                .anyMatch(n -> n.startsWith("buckets/firmware/objects/") && n.endsWith(".data"));
        assertThat(copied.values()).contains("alpha");
        // The copy of a restored store loads as the same object.
        Path restored = work.resolve("restored");
        for (var entry : copied.entrySet()) {
            Files.createDirectories(restored.resolve(entry.getKey()).getParent());
            Files.writeString(restored.resolve(entry.getKey()), entry.getValue());
        }
        LocalObjectStore reopened = LocalObjectStore.open(restored);
        StoredObject object = reopened.head("firmware", "a.bin");
        assertThat(Files.readString(reopened.contentOf("firmware", object))).isEqualTo("alpha");
    }

    @Test
    void anObjectReplacedWhileItIsCopiedIsCopiedAsItsNewVersion() throws IOException {
        LocalObjectStore store = LocalObjectStore.open(root);
        store.createBucket("firmware", 1);
        put(store, "a.bin", "version 1");
        boolean[] replaced = {false};
        Map<String, String> copied = copy(root, (name, file) -> {
            if (!replaced[0]) {
                replaced[0] = true;
                put(store, "a.bin", "version 2"); // removes version 1's content file before it is read
            }
        });
        assertThat(copied.values()).contains("version 2").doesNotContain("version 1");
        String meta = copied.entrySet().stream().filter(e -> e.getKey().endsWith(".meta")).findFirst().orElseThrow().getValue();
        String data = copied.keySet().stream().filter(n -> n.endsWith(".data")).findFirst().orElseThrow();
        assertThat(meta).contains(data.substring(data.lastIndexOf('/') + 1));
    }

    private interface BeforeRead {
        void run(String name, Path file) throws IOException;
    }

    private static Map<String, String> copy(Path root, BeforeRead beforeRead) throws IOException {
        Map<String, String> copied = new LinkedHashMap<>();
        ArtifactSnapshot.copy(root, new ArtifactSnapshot.Sink() {
            @Override
            public void bytes(String name, byte[] content) {
                copied.put(name, new String(content, StandardCharsets.UTF_8));
            }

            @Override
            public void file(String name, Path file) throws IOException {
                beforeRead.run(name, file);
                copied.put(name, Files.readString(file));
            }
        });
        return copied;
    }

    private static void put(LocalObjectStore store, String key, String content) throws IOException {
        Path scratch = store.newScratchFile();
        Files.writeString(scratch, content, StandardCharsets.UTF_8);
        store.publish("firmware", key, scratch, content.length(), "etag", "sha", null, 2);
    }
}
