package dev.fleetjobs.server.service;

import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.model.AbortCriterion;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.ThingGroup;
import dev.fleetjobs.core.rules.AbortRule;
import dev.fleetjobs.core.saferollout.RolloutTimeline;
import dev.fleetjobs.core.validation.Problems;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.TargetReach;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A dry run of CreateJob: {@link JobPlanner}'s checks and resolution, which CreateJob itself runs,
 * then the counts and projections of a {@link JobPlan}. It only reads: nothing is created,
 * nothing is written and no device is told anything.
 */
final class JobDryRun {

    /** How many names of things with an unfinished execution the plan lists. */
    static final int SAMPLE = 20;

    private final JobPlanner planner;

    JobDryRun(JobPlanner planner) {
        this.planner = planner;
    }

    /**
     * @param readProblems  refusals the edge already met reading the request
     * @param unreadable    the members it could not read
     */
    JobPlan plan(StoreReader reader, CreateJobCommand command, List<JobsServiceException> readProblems, Set<String> unreadable,
                 long nowMillis) {
        Problems problems = new Problems();
        readProblems.forEach(problems::add);
        JobPlanner.Checked checked = planner.check(command, unreadable, nowMillis, problems);
        JobPlanner.Resolved resolved = planner.resolve(reader, checked, problems);
        JobPlan.Targets targets = checked.targets() == null ? null : targets(reader, command, checked, resolved);
        JobRunConfig config = resolved.runConfig();
        boolean known = checked.runConfigValid() && targets != null;
        return new JobPlan(command.jobId(), problems.all(), nowMillis,
                checked.runConfigValid() ? JobRollouts.initialStatus(config, nowMillis) : null, checked.selection(), targets,
                resolved.document(), resolved.documentBeforeSubstitution(), checked.parameters(), config,
                resolved.inProgressTimeoutMinutes(), known ? RolloutTimeline.project(config, targets.reached(), nowMillis) : null,
                checked.runConfigValid() ? abortNumbers(config, targets == null ? null : targets.reached()) : List.of());
    }

    private static JobPlan.Targets targets(StoreReader reader, CreateJobCommand command, JobPlanner.Checked checked,
                                           JobPlanner.Resolved resolved) {
        Set<String> things = new LinkedHashSet<>(checked.targets().thingNames());
        things.removeAll(resolved.missingThings());
        long cut = reader.lastMembershipSeq();
        List<JobPlan.GroupReach> groups = new ArrayList<>();
        long counted = things.size();
        for (ThingGroup group : resolved.groups()) {
            long reached = reader.targetReach(List.of(), List.of(group.groupName()), cut, command.jobId(), 0).reached();
            groups.add(new JobPlan.GroupReach(group.groupName(), reached));
            counted += reached;
        }
        TargetReach all = reader.targetReach(things, resolved.groups().stream().map(ThingGroup::groupName).toList(), cut,
                command.jobId(), SAMPLE);
        return new JobPlan.Targets(command.targets().size(), List.copyOf(things), groups, all.reached(), counted - all.reached(),
                resolved.missingThings(), resolved.missingGroups(), all.pendingOfJob(), all.pendingSample());
    }

    private static List<JobPlan.AbortNumbers> abortNumbers(JobRunConfig config, Long reached) {
        List<JobPlan.AbortNumbers> numbers = new ArrayList<>();
        for (AbortCriterion criterion : config.abortCriteria()) {
            long atMinimum = AbortRule.failuresToAbort(criterion, criterion.minNumberOfExecutedThings()).orElseThrow();
            Long whenAll = reached == null ? null : boxed(AbortRule.failuresToAbort(criterion, reached));
            numbers.add(new JobPlan.AbortNumbers(criterion, atMinimum, whenAll));
        }
        return numbers;
    }

    private static Long boxed(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
