package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.StepTimerChange;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one real-time test: on the system clock, with no dev clock and no hand-run scheduler, the
 * sweeper times an execution out shortly after its deadline. The deadline is written a fraction
 * of a second ahead (the injected short delay) rather than a minute.
 */
class SweeperTest {

    private static final long DELAY_MILLIS = 400;

    @TempDir
    Path dataDir;

    private JobStore store;
    private final Clock clock = Clock.systemUTC();

    @BeforeEach
    void open() {
        store = SqliteStores.open(dataDir);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aSleepingSweeperWokenByANewDeadlineTimesTheExecutionOutWhenItIsDue() {
        JobScheduler scheduler = new JobScheduler(store, clock);
        try (Sweeper sweeper = new Sweeper(scheduler, Duration.ofMinutes(10))) {
            sweeper.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> scheduler.nextDueMillis().isEmpty());
            long deadline = writeRunningExecution(clock.millis() + DELAY_MILLIS);
            sweeper.wake();

            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> status() == ExecutionStatus.TIMED_OUT);
            assertThat(execution().lastUpdatedAtMillis()).as("not before its deadline").isGreaterThanOrEqualTo(deadline);
            assertThat(clock.millis() - deadline).as("within a few seconds of it").isLessThan(3_000);
        }
    }

    @Test
    void aTimerThatExpiredBeforeTheStartFiresAsSoonAsTheTimekeeperStarts() {
        writeRunningExecution(clock.millis() - 60_000);
        try (Timekeeper timekeeper = Timekeeper.start(store, clock, false, null)) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> status() == ExecutionStatus.TIMED_OUT);
            assertThat(timekeeper.devClock()).as("no movable clock without --dev").isEmpty();
            assertThat(read(r -> r.findJob("fw")).orElseThrow().status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void startAndCloseAreIdempotent() {
        Sweeper sweeper = new Sweeper(new JobScheduler(store, clock), Duration.ofMinutes(10));
        sweeper.start();
        sweeper.start();
        sweeper.close();
        sweeper.close();
        sweeper.start();
        sweeper.wake();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("fleetjobs-sweeper") && t.isAlive());
    }

    /** A job with one IN_PROGRESS execution whose step timer expires at {@code deadline}. */
    private long writeRunningExecution(long deadline) {
        long now = clock.millis();
        Job job = new Job("fw", TargetSelection.SNAPSHOT, JobStatus.IN_PROGRESS, "{}", null, List.of(), null, false, null, null, now, now,
                null);
        JobExecution running = JobExecution.queued("fw", "pump", 1, now)
                .withDeviceUpdate(ExecutionStatus.IN_PROGRESS, null, StepTimerChange.KEEP, null, now);
        JobExecution timed = new JobExecution(running.jobId(), running.thingName(), 1, running.status(), running.statusDetails(),
                running.queuedAtMillis(), running.startedAtMillis(), running.lastUpdatedAtMillis(), running.versionNumber(), 1L, deadline,
                false, 0, null);
        store.write((StoreTransaction tx) -> {
            tx.insertJob(job);
            tx.insertExecution(timed);
            return null;
        }).join();
        return deadline;
    }

    private JobExecution execution() {
        return read(r -> r.findExecution("fw", "pump", OptionalLong.of(1))).orElseThrow();
    }

    private ExecutionStatus status() {
        return execution().status();
    }

    private <T> T read(java.util.function.Function<StoreReader, T> work) {
        return store.read(work).join();
    }
}
