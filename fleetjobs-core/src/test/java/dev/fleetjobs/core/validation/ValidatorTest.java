package dev.fleetjobs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void thingNamesFollowTheModelPatternAndLength() {
        assertThat(Validator.thingName("thingName", "a:b_c-1")).isEqualTo("a:b_c-1");
        assertThatThrownBy(() -> Validator.thingName("thingName", "bad name"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'thingName'").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Validator.thingName("thingName", "x".repeat(129)))
                .hasMessageContaining("length less than or equal to 128");
        assertThatThrownBy(() -> Validator.thingName("thingName", "")).hasMessageContaining("greater than or equal to 1");
        assertThatThrownBy(() -> Validator.thingName("thingName", null)).hasMessageContaining("must not be null");
    }

    @Test
    void statusDetailsAllowTenPairsOfValidKeysAndValues() {
        Map<String, String> ten = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            ten.put("k" + i, "v");
        }
        assertThat(Validator.statusDetails("statusDetails", ten)).hasSize(10);
        Map<String, String> eleven = new HashMap<>(ten);
        eleven.put("k10", "v");
        assertThatThrownBy(() -> Validator.statusDetails("statusDetails", eleven)).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> Validator.statusDetails("statusDetails", Map.of("bad key", "v"))).hasMessageContaining("statusDetails.key");
        assertThatThrownBy(() -> Validator.statusDetails("statusDetails", Map.of("k", ""))).hasMessageContaining("statusDetails.k");
        assertThatThrownBy(() -> Validator.statusDetails("statusDetails", Map.of("k", "a\u0001b"))).hasMessageContaining("pattern");
        assertThatThrownBy(() -> Validator.statusDetails("statusDetails", Map.of("k", "x".repeat(1025)))).hasMessageContaining("1024");
        assertThat(Validator.statusDetails("statusDetails", Map.of("k", "x".repeat(1024)))).hasSize(1);
    }

    @Test
    void timeoutsAreOneToTenThousandEightyMinutesAndMinusOneOnlyWhereItCancels() {
        assertThat(Validator.timeoutMinutes("t", 1L, false)).isEqualTo(1L);
        assertThat(Validator.timeoutMinutes("t", 10080L, false)).isEqualTo(10080L);
        assertThat(Validator.timeoutMinutes("t", -1L, true)).isEqualTo(-1L);
        assertThatThrownBy(() -> Validator.timeoutMinutes("t", -1L, false)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Validator.timeoutMinutes("t", 0L, true)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> Validator.timeoutMinutes("t", 10081L, true)).hasMessageContaining("less than or equal to 10080");
    }
}
