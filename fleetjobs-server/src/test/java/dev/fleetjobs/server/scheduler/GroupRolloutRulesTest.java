package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.JobWork;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.RolloutState;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.JobLifecycleService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.JobWorker;
import dev.fleetjobs.server.service.ThingGroupService;
import dev.fleetjobs.server.service.ThingService;
import dev.fleetjobs.server.service.UpdateExecutionCommand;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.sqlite.SqliteStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group targets of jobs with a rollout rate: the things the background expansion finds wait for
 * the rollout to offer them, and cancel and delete stop both. The worker and the scheduler are
 * run by hand on a settable clock.
 */
class GroupRolloutRulesTest {

    private static final Arns ARNS = new Arns("us-east-1", "000000000000");
    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";
    private static final String THING_ARN = "arn:aws:iot:us-east-1:000000000000:thing/";

    @TempDir
    Path dataDir;

    private final SettableClock clock = SettableClock.fixedAt(TimeWorld.T0);
    private JobStore store;
    private JobWorker worker;
    private JobScheduler scheduler;
    private JobService jobs;
    private JobLifecycleService lifecycle;

    @BeforeEach
    void open() {
        store = SqliteStores.open(dataDir);
        worker = new JobWorker(store, clock, ARNS, 2);
        scheduler = new JobScheduler(store, clock);
        jobs = new JobService(store, clock, ARNS, worker);
        lifecycle = new JobLifecycleService(store, clock, ARNS, worker, jobs);
        ThingService things = new ThingService(store, clock, ARNS);
        ThingGroupService groups = new ThingGroupService(store, clock, ARNS);
        groups.create("g", null, null, null, null).join();
        groups.create("g-child", "g", null, null, null).join();
        for (int i = 0; i < 5; i++) {
            things.create("t" + i, Map.of(), null, null).join();
            groups.addThing(i < 3 ? "g" : "g-child", "t" + i).join();
        }
    }

    @AfterEach
    void close() {
        worker.close();
        store.close();
    }

    @Test
    void theThingsAGroupExpansionFindsWaitForTheRolloutRate() {
        create("rated", 2, GROUP_ARN + "g", THING_ARN + "t0");
        assertThat(offered("rated")).as("the first window's two things").hasSize(2);
        assertThat(work("rated")).as("the expansion goes on in the background").isNotEmpty();

        runWorker();
        assertThat(work("rated")).isEmpty();
        assertThat(offered("rated")).as("the expansion found every thing but the rate holds them back").hasSize(2);
        assertThat(rollout("rated").remaining()).as("t0, reached twice, was skipped without using up the window").isEqualTo(3);
        JobDetails rolling = jobs.describe("rated").join();
        assertThat(rolling.concurrent()).isTrue();
        assertThat(rolling.job().status()).isEqualTo(JobStatus.IN_PROGRESS);

        succeedAll("rated");
        assertThat(jobs.describe("rated").join().job().status()).as("a SNAPSHOT job waits for its rollout").isEqualTo(JobStatus.IN_PROGRESS);
        clock.advance(Duration.ofMinutes(1));
        scheduler.runOnce();
        assertThat(offered("rated")).hasSize(4);
        succeedAll("rated");
        clock.advance(Duration.ofMinutes(1));
        scheduler.runOnce();
        List<JobExecution> all = executions("rated");
        assertThat(all).extracting(JobExecution::thingName).as("each thing once").containsExactlyInAnyOrder("t0", "t1", "t2", "t3", "t4");
        assertThat(rollout("rated").notified()).isEqualTo(5);
        succeedAll("rated");
        JobDetails done = jobs.describe("rated").join();
        assertThat(done.job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(done.concurrent()).isFalse();
    }

    @Test
    void withoutARateTheExpansionGivesExecutionsAtOnceAndCountsThemNotified() {
        jobs.create(new CreateJobCommand("plain", List.of(GROUP_ARN + "g"), "{}", null, TargetSelection.SNAPSHOT, null)).join();
        runWorker();
        assertThat(offered("plain")).hasSize(5);
        assertThat(rollout("plain").notified()).isEqualTo(5);
        assertThat(rollout("plain").remaining()).isZero();
    }

    @Test
    void cancelingStopsTheExpansionAndTheRollout() {
        create("halted", 1, GROUP_ARN + "g");
        assertThat(offered("halted")).hasSize(1);
        lifecycle.cancel("halted", false, null, null).join();
        assertThat(work("halted")).noneMatch(w -> w.kind() == JobWork.Kind.ROLLOUT);
        runWorker();
        assertThat(rollout("halted").remaining()).isZero();
        assertThat(rollout("halted").dueAtMillis()).isNull();
        clock.advance(Duration.ofMinutes(5));
        scheduler.runOnce();
        assertThat(executions("halted")).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(ExecutionStatus.CANCELED));
        assertThat(jobs.describe("halted").join().concurrent()).isFalse();
    }

    @Test
    void deletingStopsTheRolloutAndTakesItsStateAlong() {
        create("gone", 3, GROUP_ARN + "g");
        runWorker();
        assertThat(offered("gone")).hasSize(3);
        assertThat(rollout("gone").remaining()).isEqualTo(2);
        lifecycle.delete("gone", true).join();
        assertThat(jobs.describe("gone").join().job().status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
        assertThat(rollout("gone").remaining()).as("deletion stops the rollout at once").isZero();
        assertThat(rollout("gone").dueAtMillis()).isNull();
        clock.advance(Duration.ofMinutes(5));
        scheduler.runOnce();
        runWorker();
        assertThat(store.read(r -> r.findJob("gone")).join()).isEmpty();
        assertThat(store.read(r -> r.findRollout("gone")).join()).isEmpty();
        assertThat(store.read(r -> r.executionsForThing("t1", null, null, 10)).join().items()).isEmpty();
    }

    private void create(String jobId, int perMinute, String... targets) {
        JobRunConfig config = new JobRunConfig(new RolloutConfig(perMinute, null), List.of(), List.of(), null);
        jobs.create(new CreateJobCommand(jobId, List.of(targets), "{}", null, TargetSelection.SNAPSHOT, null, config)).join();
    }

    private void runWorker() {
        while (worker.runOnce()) {
            // every batch left
        }
    }

    private List<JobExecution> executions(String jobId) {
        return store.read(r -> r.executionsForJob(jobId, null, null, 100)).join().items();
    }

    private List<JobExecution> offered(String jobId) {
        return executions(jobId);
    }

    private List<JobWork> work(String jobId) {
        return store.read(r -> r.jobWork(jobId)).join();
    }

    private RolloutState rollout(String jobId) {
        Optional<RolloutState> state = store.read(r -> r.findRollout(jobId)).join();
        return state.orElseThrow();
    }

    /** Each thing with a QUEUED execution of the job reports success, as a device does. */
    private void succeedAll(String jobId) {
        DataPlaneService devices = new DataPlaneService(store, clock);
        for (JobExecution e : store.read(r -> r.executionsForJob(jobId, ExecutionStatus.QUEUED, null, 100)).join().items()) {
            devices.update(new UpdateExecutionCommand(e.thingName(), jobId, ExecutionStatus.SUCCEEDED, null, null, null, null, false,
                    false)).join();
        }
    }
}
