package dev.fleetjobs.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.Tag;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
    @Test
    void tagsHaveValidUniqueKeysOutsideTheAwsPrefixAndShortValues() {
        List<Tag> tags = List.of(new Tag("team", "ops"), new Tag("cost center", ""));
        assertThat(Validator.tags("tags", tags)).isEqualTo(tags);
        assertThat(Validator.tags("tags", null)).isEmpty();
        assertThatThrownBy(() -> Validator.tags("tags", List.of(new Tag("aws:owner", "x"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'tags.1.member.Key'").hasMessageContaining("aws:");
        assertThatThrownBy(() -> Validator.tags("tags", List.of(new Tag("a", "1"), new Tag("a", "2"))))
                .hasMessageContaining("'tags.2.member.Key'").hasMessageContaining("unique");
        assertThatThrownBy(() -> Validator.tags("tags", List.of(new Tag("k", "v".repeat(257)))))
                .hasMessageContaining("'tags.1.member.Value'");
        assertThatThrownBy(() -> Validator.tags("tags", List.of(new Tag("", "v")))).hasMessageContaining("greater than or equal to 1");
    }

    @Test
    void attributesAreCountedAndCheckedByNameAndValue() {
        assertThat(Validator.attributes("attrs", Map.of("fw", "2.0", "empty", ""), 3, "A thing")).hasSize(2);
        assertThat(Validator.attributes("attrs", null, 3, "A thing")).isNull();
        assertThatThrownBy(() -> Validator.attributes("attrs", Map.of("a", "1", "b", "2"), 1, "A thing"))
                .hasMessageContaining("A thing may have at most 1 attributes");
        assertThatThrownBy(() -> Validator.attributes("attrs", Map.of("bad name", "1"), 3, "A thing")).hasMessageContaining("'attrs.key'");
        assertThatThrownBy(() -> Validator.attributes("attrs", Map.of("k", "no spaces"), 3, "A thing")).hasMessageContaining("'attrs.k'");
    }
}
