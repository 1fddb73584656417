package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The {@code fleetjobs} member of a job (DescribeJob) or a template (DescribeJobTemplate, where
 * only {@code canaryConfig} appears); absent when none of its parts applies.
 *
 * @param pause         present while the job is paused
 * @param canaryConfig  the canary stages, as given to CreateJob in {@code fleetjobs.canaryConfig}
 * @param canary        where the stages stand and what their gates decided
 * @param rollbackOf    the job this one rolls back
 * @param rollbacks     the rollback jobs made of this one, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FleetjobsMember(Pause pause, CanaryConfig canaryConfig, CanaryStatus canary, RollbackLink rollbackOf,
                              List<RollbackLink> rollbacks) {
}
