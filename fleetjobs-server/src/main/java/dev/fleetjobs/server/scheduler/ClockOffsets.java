package dev.fleetjobs.server.scheduler;

import java.util.OptionalLong;

/** Where the {@code --dev} clock keeps how far it was moved, so that a restart (or another node) resumes from the moved time. */
public interface ClockOffsets {

    /** The offset kept, in milliseconds; empty when the clock was never moved. */
    OptionalLong load();

    void save(long offsetMillis);

    /** Offsets kept nowhere: a clock that forgets its moves at a restart. */
    ClockOffsets NONE = new ClockOffsets() {
        @Override
        public OptionalLong load() {
            return OptionalLong.empty();
        }

        @Override
        public void save(long offsetMillis) {
        }
    };
}
