package dev.fleetjobs.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThingPatternTest {

    @ParameterizedTest
    @CsvSource({
            "pump-1, pump-1, true",
            "pump-1, pump-10, false",
            "pump-*, pump-1, true",
            "pump-*, pump-, true",
            "pump-*, valve-1, false",
            "pump-?, pump-7, true",
            "pump-?, pump-77, false",
            "*, anything, true",
            "*-eu-*, pump-eu-1, true",
            "*-eu-*, pump-us-1, false",
            "a*b*c, aXbYc, true",
            "a*b*c, aXbY, false",
            "PUMP-*, pump-1, false"})
    void matchesWholeNames(String pattern, String thingName, boolean expected) {
        assertThat(new ThingPattern(pattern).matches(thingName)).isEqualTo(expected);
    }

    @Test
    void longRunsOfStarsStayFast() {
        ThingPattern pattern = new ThingPattern("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");
        assertThat(pattern.matches("a".repeat(120))).isFalse();
    }

    @Test
    void refusesCharactersThatNoThingNameHas() {
        assertThatThrownBy(() -> new ThingPattern("pump/1")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("things");
        assertThatThrownBy(() -> new ThingPattern("")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> new ThingPattern("p".repeat(129))).isInstanceOf(InvalidRequestException.class);
    }
}
