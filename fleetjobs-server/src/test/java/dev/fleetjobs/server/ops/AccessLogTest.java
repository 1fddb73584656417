package dev.fleetjobs.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogTest {

    @Test
    void latencyIsMillisecondsWithThreeDecimals() {
        assertThat(AccessLog.millis(0)).isEqualTo("0.000");
        assertThat(AccessLog.millis(7_000)).isEqualTo("0.007");
        assertThat(AccessLog.millis(1_234_567)).isEqualTo("1.234");
        assertThat(AccessLog.millis(62_090_000)).isEqualTo("62.090");
        assertThat(AccessLog.millis(-5)).isEqualTo("0.000");
    }
}
