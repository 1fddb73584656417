package dev.fleetjobs.server.scheduler;

import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.util.OptionalLong;

/** The offset in the shared database: one dev clock for every node on it. */
public final class StoreClockOffsets implements ClockOffsets {

    private final JobStore store;
    private final String setting;

    public StoreClockOffsets(JobStore store, String setting) {
        this.store = store;
        this.setting = setting;
    }

    @Override
    public OptionalLong load() {
        return store.read((StoreReader r) -> r.setting(setting)).join()
                .map(value -> OptionalLong.of(Long.parseLong(value))).orElse(OptionalLong.empty());
    }

    @Override
    public void save(long offsetMillis) {
        store.write((StoreTransaction tx) -> {
            tx.putSetting(setting, Long.toString(offsetMillis));
            return null;
        }).join();
    }
}
