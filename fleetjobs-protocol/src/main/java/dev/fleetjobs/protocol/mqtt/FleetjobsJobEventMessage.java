package dev.fleetjobs.protocol.mqtt;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fleetjobs.protocol.fleetjobs.CanaryStatus;
import dev.fleetjobs.protocol.fleetjobs.Pause;

/**
 * Fleetjobs' own job events, in the style of AWS's jobs events, on
 * {@code $aws/events/job/{jobId}/fleetjobs/{paused|resumed|canary_gate}}: {@code timestamp} in
 * epoch seconds; {@code pause} and {@code gate} as DescribeJob's {@code fleetjobs} member shows them.
 *
 * @param eventType  always {@code FLEETJOBS_JOB}
 * @param operation  {@code paused}, {@code resumed} or {@code canary_gate}
 * @param status     the job's AWS status when it happened
 * @param pause      the pause begun or ended
 * @param gate       the gate's decision
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FleetjobsJobEventMessage(String eventType, String eventId, long timestamp, String operation, String jobId, String status,
                                       Pause pause, CanaryStatus.GateDecision gate) {

    public static final String EVENT_TYPE = "FLEETJOBS_JOB";
}
