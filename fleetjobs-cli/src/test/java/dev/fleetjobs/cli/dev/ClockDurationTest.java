package dev.fleetjobs.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClockDurationTest {

    @Test
    void unitsAndMixesAddUp() {
        assertThat(ClockDuration.seconds("90")).isEqualTo(90);
        assertThat(ClockDuration.seconds("90s")).isEqualTo(90);
        assertThat(ClockDuration.seconds("15m")).isEqualTo(900);
        assertThat(ClockDuration.seconds("2h")).isEqualTo(7200);
        assertThat(ClockDuration.seconds("1d")).isEqualTo(86_400);
        assertThat(ClockDuration.seconds("1h30m")).isEqualTo(5400);
        assertThat(ClockDuration.seconds(" 1D2H ")).isEqualTo(93_600);
        assertThat(ClockDuration.seconds("0")).isZero();
    }

    @Test
    void anythingElseIsRefused() {
        for (String bad : new String[] {"", "m", "15x", "-5m", "1.5h", "15 m", "1m30", "10m10"}) {
            assertThatThrownBy(() -> ClockDuration.seconds(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
