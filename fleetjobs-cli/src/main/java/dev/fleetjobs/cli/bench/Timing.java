package dev.fleetjobs.cli.bench;

import java.time.Duration;

/** How long each scenario warms up (run, not counted) and then is measured. */
record Timing(Duration warmup, Duration duration) {

    Duration total() {
        return warmup.plus(duration);
    }
}
