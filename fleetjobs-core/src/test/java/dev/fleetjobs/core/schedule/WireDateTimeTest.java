package dev.fleetjobs.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WireDateTimeTest {

    @Test
    void minutesWithoutAZoneAreUtcAndZonesAreHonoured() {
        long expected = Instant.parse("2025-01-31T14:00:00Z").toEpochMilli();
        assertThat(WireDateTime.parseMillis("2025-01-31T14:00")).isEqualTo(expected);
        assertThat(WireDateTime.parseMillis("2025-01-31T14:00:00")).isEqualTo(expected);
        assertThat(WireDateTime.parseMillis("2025-01-31T14:00Z")).isEqualTo(expected);
        assertThat(WireDateTime.parseMillis("2025-01-31T16:00+02:00")).isEqualTo(expected);
        assertThat(WireDateTime.parseMillis("2025-01-31T09:00-05:00")).isEqualTo(expected);
        assertThat(WireDateTime.format(expected + 59_999)).isEqualTo("2025-01-31T14:00");
    }

    @Test
    void otherFormsAreRefused() {
        assertThatThrownBy(() -> WireDateTime.parseMillis("2025-01-31")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireDateTime.parseMillis("31/01/2025 14:00")).hasMessageContaining("2025-01-31T14:00");
        assertThatThrownBy(() -> WireDateTime.parseMillis("2025-02-30T10:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
