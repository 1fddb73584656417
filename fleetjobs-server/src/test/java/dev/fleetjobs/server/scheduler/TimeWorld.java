package dev.fleetjobs.server.scheduler;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.ExecutionAdminService;
import dev.fleetjobs.server.service.ExecutionView;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.JobLifecycleService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.JobWorker;
import dev.fleetjobs.server.service.PendingExecutions;
import dev.fleetjobs.server.service.SafeRolloutService;
import dev.fleetjobs.server.service.ThingGroupService;
import dev.fleetjobs.server.service.ThingService;
import dev.fleetjobs.server.service.UpdateExecutionCommand;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The services and the scheduler over a real SQLite store and a settable clock that moves only
 * when a test says so. {@link #tick} moves it the way {@code POST /_dev/clock} does.
 */
final class TimeWorld implements AutoCloseable {

    static final Instant T0 = Instant.parse("2025-03-10T12:00:00Z");

    final Path dataDir;
    final SettableClock clock;
    final JobStore store;
    final JobScheduler scheduler;
    final DevClock devClock;
    final ThingService things;
    final JobService jobs;
    final JobLifecycleService lifecycle;
    final DataPlaneService devices;
    final ExecutionAdminService executions;
    final ThingGroupService groups;
    final SafeRolloutService safe;

    TimeWorld(Path dataDir, SettableClock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = SqliteStores.open(dataDir);
        this.scheduler = new JobScheduler(store, clock);
        this.devClock = new DevClock(clock, scheduler, ClockOffsets.NONE);
        Arns arns = new Arns("us-east-1", "000000000000");
        this.things = new ThingService(store, clock, arns);
        // Never started: these tests target things, whose work is all done inline.
        JobWorker worker = new JobWorker(store, clock, arns, ServerConfig.DEFAULT_JOB_WORK_BATCH_SIZE);
        this.jobs = new JobService(store, clock, arns, worker);
        this.lifecycle = new JobLifecycleService(store, clock, arns, worker, jobs);
        this.devices = new DataPlaneService(store, clock);
        this.executions = new ExecutionAdminService(store, clock);
        this.groups = new ThingGroupService(store, clock, arns);
        this.safe = new SafeRolloutService(store, clock, arns, worker, jobs, () -> { });
    }

    static TimeWorld open(Path dataDir) {
        return new TimeWorld(dataDir, SettableClock.fixedAt(T0));
    }

    /** The same data directory and clock, after the store was closed: a restarted server. */
    TimeWorld restart() {
        close();
        return new TimeWorld(dataDir, clock);
    }

    long now() {
        return clock.millis();
    }

    /** Moves the clock by whole seconds, applying every rule due on the way at its own time. */
    void tick(Duration amount) {
        if (amount.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("The dev clock moves by whole seconds: " + amount);
        }
        devClock.advance(amount.toSeconds()).join();
    }

    /** Moves the clock without applying anything; {@link #runDue()} applies what is due. */
    void moveClock(Duration amount) {
        clock.advance(amount);
    }

    int runDue() {
        return scheduler.runOnce();
    }

    void things(String... names) {
        for (String name : names) {
            join(things.create(name, null, null, null));
        }
    }

    Job job(String jobId, JobRunConfig config, String... thingNames) {
        return job(jobId, null, config, thingNames);
    }

    Job job(String jobId, Long inProgressMinutes, JobRunConfig config, String... thingNames) {
        List<String> targets = Arrays.stream(thingNames).map(t -> "arn:aws:iot:us-east-1:000000000000:thing/" + t).toList();
        return join(jobs.create(new CreateJobCommand(jobId, targets, "{\"op\":\"x\"}", null, null, inProgressMinutes, config)));
    }

    JobDetails describeJob(String jobId) {
        return join(jobs.describe(jobId));
    }

    Optional<ExecutionView> startNext(String thing, Long stepMinutes) {
        return join(devices.startNext(thing, null, stepMinutes));
    }

    JobExecution update(String thing, String jobId, ExecutionStatus status, Long stepMinutes) {
        return join(devices.update(new UpdateExecutionCommand(thing, jobId, status, null, stepMinutes, null, null, true, false))).state();
    }

    PendingExecutions pending(String thing) {
        return join(devices.getPending(thing));
    }

    Optional<ExecutionView> next(String thing) {
        return join(devices.describe(thing, "$next", OptionalLong.empty(), false));
    }

    ExecutionView execution(String thing, String jobId) {
        return join(executions.describe(thing, jobId, OptionalLong.empty()));
    }

    ExecutionView execution(String thing, String jobId, long number) {
        return join(executions.describe(thing, jobId, OptionalLong.of(number)));
    }

    ExecutionStatus status(String thing, String jobId) {
        return execution(thing, jobId).execution().status();
    }

    List<JobExecution> executionsOf(String jobId) {
        return join(jobs.executions(jobId, null, null, 250)).items();
    }

    Map<ExecutionStatus, Long> counts(String jobId) {
        return describeJob(jobId).progress().counts();
    }

    /** What a future completed with, its failure unwrapped. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        devClock.close();
        store.close();
    }
}
