package dev.fleetjobs.server.service;

import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.core.saferollout.GateDecision;
import dev.fleetjobs.core.saferollout.JobPause;

/**
 * A job ended or started to end (the jobs events of AWS IoT), or one of Fleetjobs' own events of
 * safe rollouts happened to it ({@code fleetjobs/paused}, {@code fleetjobs/resumed},
 * {@code fleetjobs/canary_gate}).
 *
 * @param operation  {@code completed}, {@code cancellation_in_progress}, {@code canceled}, ..., or a {@code fleetjobs/...} one
 * @param progress   the job's execution counts when it happened
 * @param pause      the pause a {@code fleetjobs/paused} or {@code fleetjobs/resumed} event is about, else null
 * @param gate       the decision a {@code fleetjobs/canary_gate} event is about, else null
 */
public record JobEvent(Job job, String operation, JobProgress progress, JobPause pause, GateDecision gate) {

    /** The prefix of Fleetjobs' own operations, which AWS never uses. */
    public static final String FLEETJOBS_PREFIX = "fleetjobs/";
    public static final String PAUSED = FLEETJOBS_PREFIX + "paused";
    public static final String RESUMED = FLEETJOBS_PREFIX + "resumed";
    public static final String CANARY_GATE = FLEETJOBS_PREFIX + "canary_gate";

    /** An event of AWS IoT Jobs. */
    public JobEvent(Job job, String operation, JobProgress progress) {
        this(job, operation, progress, null, null);
    }

    /** Whether this is one of Fleetjobs' own events rather than one AWS IoT sends. */
    public boolean isFleetjobs() {
        return operation.startsWith(FLEETJOBS_PREFIX);
    }
}
