package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeUpdateTest {

    @Test
    void replaceMergeAndRemoveWithAnEmptyValue() {
        Map<String, String> current = Map.of("a", "1", "b", "2");
        assertThat(AttributeUpdate.apply(current, null, true)).isEqualTo(current);
        assertThat(AttributeUpdate.apply(current, Map.of("c", "3"), false)).isEqualTo(Map.of("c", "3"));
        assertThat(AttributeUpdate.apply(current, Map.of("b", "", "c", "3", "a", "9"), true)).isEqualTo(Map.of("a", "9", "c", "3"));
    }
}
