package dev.fleetjobs.server.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.CanaryConfig;
import dev.fleetjobs.core.model.CanaryStage;
import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.FailureType;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.saferollout.RolloutTimeline;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.JobPlan;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dry run plans exactly what CreateJob would do and creates nothing. */
class DryRunRulesTest extends WorldTest {

    private static final String THING = "arn:aws:iot:us-east-1:000000000000:thing/";
    private static final String GROUP = "arn:aws:iot:us-east-1:000000000000:thinggroup/";

    @BeforeEach
    void nestedGroups() {
        world.things("a", "b", "c", "d", "e");
        TimeWorld.join(world.groups.create("top", null, null, null, null));
        TimeWorld.join(world.groups.create("mid", "top", null, null, null));
        TimeWorld.join(world.groups.create("low", "mid", null, null, null));
        TimeWorld.join(world.groups.addThing("top", "a"));
        TimeWorld.join(world.groups.addThing("mid", "b"));
        TimeWorld.join(world.groups.addThing("low", "c"));
        TimeWorld.join(world.groups.addThing("low", "d"));
    }

    private JobPlan plan(CreateJobCommand command) {
        return TimeWorld.join(world.safe.dryRun(command, List.of(), Set.of()));
    }

    @Test
    void nestedGroupsAndDuplicatesAreCountedOnceAndNothingIsCreated() {
        JobPlan plan = plan(new CreateJobCommand("fw", List.of(GROUP + "top", GROUP + "low", THING + "b", THING + "e"), "{\"v\":1}", null,
                null, 30L, new JobRunConfig(new RolloutConfig(2, null), List.of(), List.of(), null)));
        assertThat(plan.errors()).isEmpty();
        assertThat(plan.valid()).isTrue();
        assertThat(plan.initialStatus()).isEqualTo(JobStatus.IN_PROGRESS);
        JobPlan.Targets targets = plan.targets();
        assertThat(targets.reached()).as("a b c d e").isEqualTo(5);
        assertThat(targets.groups()).containsExactly(new JobPlan.GroupReach("top", 4), new JobPlan.GroupReach("low", 2));
        assertThat(targets.things()).containsExactly("b", "e");
        assertThat(targets.duplicates()).as("c, d through low again, b named again").isEqualTo(3);
        RolloutTimeline.Projection timeline = plan.timeline();
        assertThat(timeline.allReleasedAtMillis()).isEqualTo(world.now() + 2 * 60_000);
        assertThat(timeline.segments()).singleElement().isEqualTo(new RolloutTimeline.Segment(world.now(), world.now() + 120_000, 2, 5, null));

        assertThatThrownBy(() -> world.describeJob("fw")).isInstanceOf(ResourceNotFoundException.class);
        assertThat(TimeWorld.join(world.jobs.list(new dev.fleetjobs.store.JobQuery(null, null, null, null), null, 10)).items()).isEmpty();
    }

    @Test
    void everyRefusalAtOnce() {
        JobPlan plan = plan(new CreateJobCommand("fw", List.of(THING + "a", THING + "ghost", GROUP + "nowhere"), "not json", "\u0001",
                null, 0L, new JobRunConfig(new RolloutConfig(5000, null), List.of(new AbortCriterion(FailureType.ALL, "DROP", 10.0, 5)),
                List.of(), null, new CanaryConfig(List.of(new CanaryStage(null, null, null, 90.0, null))))));
        assertThat(plan.errors()).extracting(JobsServiceException::getMessage).satisfiesExactly(
                m -> assertThat(m).contains("'document'"),
                m -> assertThat(m).contains("'description'"),
                m -> assertThat(m).contains("timeoutConfig.inProgressTimeoutInMinutes"),
                m -> assertThat(m).contains("maximumPerMinute"),
                m -> assertThat(m).contains("abortConfig.criteriaList.1.member.action"),
                m -> assertThat(m).contains("fleetjobs.canaryConfig.stages.1.member"),
                m -> assertThat(m).isEqualTo("Target thing ghost cannot be found."),
                m -> assertThat(m).isEqualTo("Target thing group nowhere cannot be found."));
        assertThat(plan.targets().missingThings()).containsExactly("ghost");
        assertThat(plan.targets().missingGroups()).containsExactly("nowhere");
        assertThat(plan.targets().reached()).isEqualTo(1);
        assertThat(plan.timeline()).as("the configuration was refused").isNull();
    }

    @Test
    void anExistingJobsUnfinishedExecutionsAbortNumbersAndCanaryStages() {
        world.job("fw", JobRunConfig.NONE, "a", "b");
        world.update("a", "fw", dev.fleetjobs.core.model.ExecutionStatus.SUCCEEDED, null);
        JobPlan plan = plan(new CreateJobCommand("fw", List.of(GROUP + "top"), "{}", null, null, null,
                new JobRunConfig(new RolloutConfig(10, new ExponentialRate(1, 2.0, 1, null)),
                        List.of(new AbortCriterion(FailureType.FAILED, "CANCEL", 30.0, 3)), List.of(), null,
                        new CanaryConfig(List.of(new CanaryStage(null, 50.0, null, 100.0, null))))));
        assertThat(plan.errors()).extracting(JobsServiceException::errorType).containsExactly("ResourceAlreadyExistsException");
        assertThat(plan.targets().withUnfinishedExecution()).isEqualTo(1);
        assertThat(plan.targets().withUnfinishedExecutionSample()).containsExactly("b");
        assertThat(plan.abort()).singleElement().satisfies(numbers -> {
            assertThat(numbers.failuresAtMinimum()).isEqualTo(1);
            assertThat(numbers.failuresWhenAllNotified()).isEqualTo(2);
        });
        RolloutTimeline.Projection timeline = plan.timeline();
        assertThat(timeline.canaryStageSizes()).containsExactly(2);
        // One a minute at first, doubling with each thing notified: the stage's two in two minutes, the rest in the second and third.
        long t0 = world.now();
        assertThat(timeline.segments()).containsExactly(new RolloutTimeline.Segment(t0, t0 + 60_000, 1, 2, 0),
                new RolloutTimeline.Segment(t0 + 60_000, t0 + 120_000, 1, 2, null));
        assertThat(timeline.allReleasedAtMillis()).isEqualTo(t0 + 120_000);
    }
}
