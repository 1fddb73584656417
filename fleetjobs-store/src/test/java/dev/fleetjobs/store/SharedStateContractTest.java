package dev.fleetjobs.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings the nodes of one database share, the change feed, and the locks units take for each other. */
public abstract class SharedStateContractTest extends StoreContractSupport {

    @Test
    void aSettingIsInsertedOnceAndReplacedOnlyByPut() {
        assertThat(read((StoreReader r) -> r.setting("root"))).isEmpty();
        assertThat((boolean) write((StoreTransaction tx) -> tx.insertSetting("root", "first"))).isTrue();
        assertThat((boolean) write((StoreTransaction tx) -> tx.insertSetting("root", "second"))).isFalse();
        assertThat(read((StoreReader r) -> r.setting("root"))).contains("first");
        write((StoreTransaction tx) -> {
            tx.putSetting("root", "third");
            tx.putSetting("offset", "5");
            return null;
        });
        assertThat(read((StoreReader r) -> r.setting("root"))).contains("third");
        assertThat(read((StoreReader r) -> r.setting("offset"))).contains("5");
    }

    @Test
    void feedEntriesFollowCommitOrderAndAFailedUnitAppendsNothing() {
        assertThat(read(StoreReader::feedEnd)).isZero();
        write((StoreTransaction tx) -> {
            tx.appendFeed(List.of(message("a", "1"), message("b", "2")));
            return null;
        });
        writeFailure((StoreTransaction tx) -> {
            tx.appendFeed(List.of(message("lost", "x")));
            throw new IllegalStateException("boom");
        });
        write((StoreTransaction tx) -> {
            tx.lockThing("thing");
            tx.lockJob("job");
            tx.appendFeed(List.of(message("c", "3")));
            return null;
        });

        List<FeedEntry> all = read((StoreReader r) -> r.feedAfter(0, 100));
        assertThat(all).extracting(e -> e.message().address()).containsExactly("a", "b", "c");
        assertThat(all).extracting(e -> new String(e.message().payload(), StandardCharsets.UTF_8)).containsExactly("1", "2", "3");
        assertThat(all).extracting(FeedEntry::seq).isSorted().doesNotHaveDuplicates();
        assertThat(read(StoreReader::feedEnd)).isEqualTo(all.get(2).seq());
        assertThat(read((StoreReader r) -> r.feedAfter(all.get(0).seq(), 1))).extracting(e -> e.message().address()).containsExactly("b");

        write((StoreTransaction tx) -> {
            tx.pruneFeed(System.currentTimeMillis() + 60_000);
            return null;
        });
        assertThat(read((StoreReader r) -> r.feedAfter(0, 100))).isEmpty();
        assertThat(read(StoreReader::feedEnd)).as("an emptied feed is empty").isZero();
    }

    private static FeedMessage message(String address, String payload) {
        return new FeedMessage("node-1", address, payload.getBytes(StandardCharsets.UTF_8));
    }
}
