package dev.fleetjobs.core.rules;

import static dev.fleetjobs.core.model.ExecutionStatus.CANCELED;
import static dev.fleetjobs.core.model.ExecutionStatus.FAILED;
import static dev.fleetjobs.core.model.ExecutionStatus.IN_PROGRESS;
import static dev.fleetjobs.core.model.ExecutionStatus.QUEUED;
import static dev.fleetjobs.core.model.ExecutionStatus.REJECTED;
import static dev.fleetjobs.core.model.ExecutionStatus.REMOVED;
import static dev.fleetjobs.core.model.ExecutionStatus.SUCCEEDED;
import static dev.fleetjobs.core.model.ExecutionStatus.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every current status x requested status x version match, against the table of spec 2.2 written out by hand. */
class ExecutionTransitionsTest {

    private static final Set<ExecutionStatus> DEVICE_SETTABLE = EnumSet.of(IN_PROGRESS, SUCCEEDED, FAILED, REJECTED);
    private static final Set<ExecutionStatus> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, TIMED_OUT, REJECTED, REMOVED, CANCELED);

    static Stream<Arguments> everyCombination() {
        Stream.Builder<Arguments> all = Stream.builder();
        for (ExecutionStatus current : ExecutionStatus.values()) {
            for (ExecutionStatus requested : ExecutionStatus.values()) {
                for (boolean versionMatches : new boolean[] {true, false}) {
                    all.add(Arguments.of(current, requested, versionMatches, expected(current, requested, versionMatches)));
                }
            }
        }
        return all.build();
    }

    private static UpdateDecision expected(ExecutionStatus current, ExecutionStatus requested, boolean versionMatches) {
        if (!DEVICE_SETTABLE.contains(requested)) {
            return UpdateDecision.REFUSE_NOT_DEVICE_SETTABLE;
        }
        if (!versionMatches) {
            return UpdateDecision.REFUSE_VERSION_MISMATCH;
        }
        if (TERMINAL.contains(current)) {
            return UpdateDecision.REFUSE_INVALID_TRANSITION;
        }
        return UpdateDecision.APPLY;
    }

    @ParameterizedTest(name = "{0} -> {1}, version matches: {2} => {3}")
    @MethodSource("everyCombination")
    void decidesEveryCombinationAsTheSpecTable(ExecutionStatus current, ExecutionStatus requested, boolean versionMatches,
                                               UpdateDecision expected) {
        assertThat(ExecutionTransitions.decide(current, requested, versionMatches)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void coversAllCombinations() {
        assertThat(everyCombination().count()).isEqualTo(8 * 8 * 2);
    }

    @org.junit.jupiter.api.Test
    void statusFlagsMatchSpec() {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(TERMINAL.contains(status));
            assertThat(status.isPending()).as(status.name()).isEqualTo(status == QUEUED || status == IN_PROGRESS);
            assertThat(status.isDeviceSettable()).as(status.name()).isEqualTo(DEVICE_SETTABLE.contains(status));
        }
    }
}
