package dev.fleetjobs.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingListCapTest {

    @Test
    void tenRegularAndFiveWindowedAtMostInTheOrderGiven() {
        List<String> ordered = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ordered.add("w" + i);
        }
        for (int i = 0; i < 12; i++) {
            ordered.add("r" + i);
        }
        List<String> selected = PendingListCap.select(ordered, s -> s.startsWith("w"));
        assertThat(selected).hasSize(15);
        assertThat(selected).containsExactly("w0", "w1", "w2", "w3", "w4", "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8", "r9");
    }

    @Test
    void withoutWindowedJobsTheCapStaysTen() {
        List<Integer> ordered = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ordered.add(i);
        }
        assertThat(PendingListCap.select(ordered, i -> false)).hasSize(10).startsWith(0).endsWith(9);
    }
}
