package dev.fleetjobs.protocol.fleetjobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer of the pause and resume routes: the job's AWS status and its {@code fleetjobs} member afterwards. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobStateResponse(String jobArn, String jobId, String status, FleetjobsMember fleetjobs) {
}
