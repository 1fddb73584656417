package dev.fleetjobs.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.error.TerminalStateException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.protocol.mqtt.Rejected;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreUnavailableException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class RejectedCodesTest {

    private static final JobExecution CURRENT = JobExecution.queued("j", "t", 1, 1_000)
            .withDeviceUpdate(ExecutionStatus.SUCCEEDED, Map.of("k", "v"), dev.fleetjobs.core.model.StepTimerChange.of(null), null, 2_000);

    @Test
    void eachServiceRefusalHasItsCode() {
        assertThat(code(new InvalidRequestException("bad"))).isEqualTo("InvalidRequest");
        assertThat(code(new ResourceNotFoundException("none"))).isEqualTo("ResourceNotFound");
        assertThat(code(new TerminalStateException("over"))).isEqualTo("TerminalStateReached");
        assertThat(code(new InvalidStateTransitionException("no", CURRENT))).isEqualTo("InvalidStateTransition");
        assertThat(code(new VersionConflictException("stale", CURRENT))).isEqualTo("VersionMismatch");
    }

    @Test
    void transitionAndVersionRefusalsCarryTheCurrentState() {
        Rejected rejected = RejectedCodes.from(new CompletionException(new VersionConflictException("stale", CURRENT)), "tok", 7, "topic");
        assertThat(rejected.clientToken()).isEqualTo("tok");
        assertThat(rejected.timestamp()).isEqualTo(7);
        assertThat(rejected.executionState().status()).isEqualTo("SUCCEEDED");
        assertThat(rejected.executionState().versionNumber()).isEqualTo(2);
        assertThat(rejected.executionState().statusDetails()).containsEntry("k", "v");
        assertThat(RejectedCodes.from(new InvalidRequestException("bad"), null, 7, "topic").executionState()).isNull();
    }

    @Test
    void storeTroubleAndTheUnexpectedAreRetryableInternalErrors() {
        assertThat(code(new StoreUnavailableException("closed"))).isEqualTo("InternalError");
        assertThat(code(new StoreConflictException("lost update"))).isEqualTo("InternalError");
        Rejected unexpected = RejectedCodes.from(new IllegalStateException("bug"), "tok", 7, "topic");
        assertThat(unexpected.code()).isEqualTo("InternalError");
        assertThat(unexpected.message()).doesNotContain("bug");
    }

    private static String code(RuntimeException failure) {
        return RejectedCodes.from(failure, null, 0, "topic").code();
    }
}
