package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of the rollback route: the new job, as CreateJob names it, and its link to the original. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RollbackResponse(String jobArn, String jobId, String description, RollbackLink rollbackOf) {
}
