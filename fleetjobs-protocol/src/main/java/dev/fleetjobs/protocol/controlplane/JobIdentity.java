package dev.fleetjobs.protocol.controlplane;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The output of CreateJob and CancelJob. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobIdentity(String jobArn, String jobId, String description) {
}
