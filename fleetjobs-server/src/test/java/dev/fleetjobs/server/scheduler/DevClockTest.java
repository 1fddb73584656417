package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RolloutConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Moving the dev clock applies each rule at its own time on the way, as if the time had passed. */
class DevClockTest extends WorldTest {

    @Test
    void tenMinutesOfAOneAMinuteRolloutOfferElevenThingsEachInItsMinute() {
        String[] things = new String[15];
        for (int i = 0; i < things.length; i++) {
            things[i] = "t" + i;
        }
        world.things(things);
        world.job("fw", new JobRunConfig(new RolloutConfig(1, null), List.of(), List.of(), null), things);
        long now = world.devClock.advance(600).join();
        assertThat(now).isEqualTo(TimeWorld.T0.plusSeconds(600).toEpochMilli());
        List<JobExecution> offered = world.executionsOf("fw");
        assertThat(offered).hasSize(11);
        for (int minute = 0; minute <= 10; minute++) {
            assertThat(offered.get(minute).queuedAtMillis()).isEqualTo(TimeWorld.T0.plus(Duration.ofMinutes(minute)).toEpochMilli());
        }
    }

    @Test
    void theMovedTimeIsKeptForTheNextStart() {
        Path offsetFile = dataDir.resolve("dev-clock-offset");
        try (DevClock kept = new DevClock(world.clock, world.scheduler, offsetFile)) {
            kept.advance(3600).join();
            kept.advance(0).join();
        }
        SettableClock restarted = SettableClock.fixedAt(TimeWorld.T0);
        DevClock.restore(restarted, new FileClockOffsets(offsetFile));
        assertThat(restarted.instant()).isEqualTo(TimeWorld.T0.plusSeconds(3600));
        SettableClock fresh = SettableClock.fixedAt(TimeWorld.T0);
        DevClock.restore(fresh, new FileClockOffsets(dataDir.resolve("missing")));
        assertThat(fresh.instant()).isEqualTo(TimeWorld.T0);
    }

    @Test
    void zeroSecondsOnlyReadsTheClock() {
        world.things("pump");
        world.job("fw", JobRunConfig.NONE, "pump");
        world.startNext("pump", 1L);
        world.moveClock(Duration.ofMinutes(2));
        assertThat(world.devClock.advance(0).join()).isEqualTo(TimeWorld.T0.plusSeconds(120).toEpochMilli());
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.IN_PROGRESS);
        world.devClock.advance(1).join();
        assertThat(world.status("pump", "fw")).isEqualTo(ExecutionStatus.TIMED_OUT);
    }
}
