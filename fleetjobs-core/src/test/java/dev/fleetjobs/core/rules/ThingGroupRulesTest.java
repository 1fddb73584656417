package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.ThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThingGroupRulesTest {

    @Test
    void aHierarchyIsAtMostSevenLevelsDeep() {
        ThingGroup sixth = group("g6", "g1", "g2", "g3", "g4", "g5");
        ThingGroup seventh = group("g7", "g1", "g2", "g3", "g4", "g5", "g6");
        ThingGroupRules.checkNewChild("g7", sixth, 0);
        assertThatThrownBy(() -> ThingGroupRules.checkNewChild("g8", seventh, 0))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("7 levels");
        assertThatThrownBy(() -> ThingGroupRules.checkNewChild("c", group("p"), 100))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("100 child groups");
    }

    @Test
    void aThingJoinsOneGroupPerHierarchyAndAtMostTenGroups() {
        ThingGroup europe = group("europe");
        ThingGroup paris = group("paris", "europe", "france");
        ThingGroup lyon = group("lyon", "europe", "france");
        assertThat(ThingGroupRules.mayJoin("t", paris, List.of())).isTrue();
        assertThat(ThingGroupRules.mayJoin("t", paris, List.of(paris))).isFalse();
        assertThatThrownBy(() -> ThingGroupRules.mayJoin("t", lyon, List.of(paris)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same hierarchy").hasMessageContaining("paris");
        assertThatThrownBy(() -> ThingGroupRules.mayJoin("t", europe, List.of(paris)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("same hierarchy");

        List<ThingGroup> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(group("root" + i));
        }
        assertThatThrownBy(() -> ThingGroupRules.mayJoin("t", group("eleventh"), ten))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("10 thing groups");
        assertThat(ThingGroupRules.mayJoin("t", group("tenth"), ten.subList(0, 9))).isTrue();
    }

    @Test
    void aJobReachesThingsDirectlyAndThroughEveryAncestorOfTheirGroups() {
        JobTargets targets = new JobTargets(java.util.Set.of("solo"), java.util.Set.of("france"));
        ThingGroup paris = group("paris", "europe", "france");
        assertThat(targets.reaches("solo", List.of())).isTrue();
        assertThat(targets.reaches("t", List.of(paris))).isTrue();
        assertThat(targets.reaches("t", List.of(group("europe")))).isFalse();
        assertThat(targets.reaches("t", List.of())).isFalse();
    }

    static ThingGroup group(String name, String... rootToParent) {
        return new ThingGroup(name, "id-" + name, List.of(rootToParent), null, Map.of(), 1, 0);
    }
}
