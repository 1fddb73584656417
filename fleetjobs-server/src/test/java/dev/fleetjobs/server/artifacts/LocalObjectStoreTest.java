package dev.fleetjobs.server.artifacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalObjectStoreTest {

    @TempDir
    Path root;

    @Test
    void listingRollsUpCommonPrefixesAndPagesAfterTheLastKeyOrPrefix() throws IOException {
        LocalObjectStore store = LocalObjectStore.open(root);
        store.createBucket("firmware", 1);
        for (String key : List.of("a.bin", "dir/one.bin", "dir/two.bin", "dir/sub/three.bin", "e.bin", "z/last.bin")) {
            put(store, key, key);
        }
        ObjectListing first = store.list("firmware", "", "/", null, 2);
        assertThat(first.contents()).extracting(StoredObject::key).containsExactly("a.bin");
        assertThat(first.commonPrefixes()).containsExactly("dir/");
        assertThat(first.truncated()).isTrue();
        ObjectListing second = store.list("firmware", "", "/", first.lastReturned(), 2);
        assertThat(second.contents()).extracting(StoredObject::key).containsExactly("e.bin");
        assertThat(second.commonPrefixes()).containsExactly("z/");
        assertThat(second.truncated()).isFalse();
        ObjectListing inDir = store.list("firmware", "dir/", "/", null, 1000);
        assertThat(inDir.contents()).extracting(StoredObject::key).containsExactly("dir/one.bin", "dir/two.bin");
        assertThat(inDir.commonPrefixes()).containsExactly("dir/sub/");
        assertThat(store.list("firmware", "dir/", null, null, 1000).contents()).hasSize(3);
    }

    @Test
    void aReplacedObjectKeepsOneContentFileAndTheStoreReopensWithoutLeftovers() throws IOException {
        LocalObjectStore store = LocalObjectStore.open(root);
        store.createBucket("firmware", 1);
        put(store, "fw.bin", "one");
        put(store, "fw.bin", "two, longer");
        assertThat(store.head("firmware", "fw.bin").size()).isEqualTo(11);
        Path objects = root.resolve("buckets/firmware/objects");
        assertThat(files(objects)).hasSize(2);
        Files.writeString(objects.resolve(LocalObjectStore.idOf("fw.bin") + ".orphan.data"), "half a write");
        store.newScratchFile();

        LocalObjectStore reopened = LocalObjectStore.open(root);
        assertThat(files(objects)).hasSize(2);
        assertThat(files(root.resolve("tmp"))).isEmpty();
        StoredObject object = reopened.head("firmware", "fw.bin");
        assertThat(Files.readString(reopened.contentOf("firmware", object))).isEqualTo("two, longer");
        reopened.delete("firmware", "fw.bin");
        assertThat(files(objects)).isEmpty();
        reopened.deleteBucket("firmware");
        assertThat(LocalObjectStore.open(root).buckets()).isEmpty();
    }

    @Test
    void bucketsAndKeysFollowS3sRulesAndDotSegmentsAreRefused() throws IOException {
        LocalObjectStore store = LocalObjectStore.open(root);
        assertThatThrownBy(() -> store.createBucket("ab", 1)).hasMessageContaining("not valid");
        assertThatThrownBy(() -> store.createBucket("192.168.1.1", 1)).hasMessageContaining("not valid");
        store.createBucket("firmware", 1);
        assertThatThrownBy(() -> store.createBucket("firmware", 1)).isInstanceOfSatisfying(ArtifactError.class,
                e -> assertThat(e.code()).isEqualTo("BucketAlreadyOwnedByYou"));
        for (String key : List.of("../x", "a/./b", "a/..", "tab\there", "")) {
            assertThatThrownBy(() -> Names.key(key)).isInstanceOf(ArtifactError.class);
        }
        assertThat(Names.key("a..b/.hidden/c")).isEqualTo("a..b/.hidden/c");
        put(store, "kept.bin", "x");
        assertThatThrownBy(() -> store.deleteBucket("firmware")).isInstanceOfSatisfying(ArtifactError.class,
                e -> assertThat(e.code()).isEqualTo("BucketNotEmpty"));
        assertThatThrownBy(() -> store.head("nobucket", "x")).isInstanceOfSatisfying(ArtifactError.class,
                e -> assertThat(e.code()).isEqualTo("NoSuchBucket"));
    }

    private static void put(LocalObjectStore store, String key, String content) throws IOException {
        Path scratch = store.newScratchFile();
        Files.writeString(scratch, content, StandardCharsets.UTF_8);
        store.publish("firmware", key, scratch, content.length(), "etag", "sha", null, 2);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
