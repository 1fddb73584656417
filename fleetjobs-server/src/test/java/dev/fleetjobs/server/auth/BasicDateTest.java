package dev.fleetjobs.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicDateTest {

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void readsWhatTheFormatterWritesForAnyInstant() {
        Random random = new Random(15);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE));
            String text = AMZ_DATE.format(instant);
            assertThat(BasicDate.parse(text)).as(text).isEqualTo(instant);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20240102T030405", "20240102T030405z", "2024-01-02T03:04:05Z", "20240230T000000Z",
            "20241301T000000Z", "20240102T250000Z", "2024010xT030405Z", "20240102 030405Z", "Tue, 02 Jan 2024 03:04:05 GMT"})
    void leavesAnythingElseToTheFormatter(String text) {
        assertThat(BasicDate.parse(text)).isNull();
    }
}
