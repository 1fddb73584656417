package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.Job;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.Thing;
import dev.fleetjobs.core.rules.JobProgress;
import dev.fleetjobs.protocol.controlplane.DescribeThingResponse;
import dev.fleetjobs.protocol.controlplane.JobExecutionStatusDetails;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummary;
import dev.fleetjobs.protocol.controlplane.JobProcessDetails;
import dev.fleetjobs.protocol.controlplane.JobSummary;
import dev.fleetjobs.protocol.controlplane.ThingAttribute;
import dev.fleetjobs.protocol.controlplane.TimeoutConfig;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ExecutionView;
import dev.fleetjobs.server.service.JobDetails;
import dev.fleetjobs.server.service.JobListing;
import java.util.List;

/** Domain values to control-plane wire shapes. */
final class ControlPlaneShapes {

    /** What list operations return when {@code maxResults} is not given. */
    static final int DEFAULT_MAX_RESULTS = 50;

    private final Arns arns;
    private final SafeRolloutShapes safeRollout;

    ControlPlaneShapes(Arns arns) {
        this.arns = arns;
        this.safeRollout = new SafeRolloutShapes(arns);
    }

    DescribeThingResponse describeThing(Thing thing) {
        return new DescribeThingResponse(thing.thingName(), thing.thingName(), thing.thingId(), arns.thing(thing.thingName()),
                thing.attributes(), thing.version());
    }

    ThingAttribute thingAttribute(Thing thing) {
        return new ThingAttribute(thing.thingName(), arns.thing(thing.thingName()), thing.attributes(), thing.version());
    }

    dev.fleetjobs.protocol.controlplane.Job job(JobDetails details) {
        Job job = details.job();
        return new dev.fleetjobs.protocol.controlplane.Job(arns.job(job.jobId()), job.jobId(), job.targetSelection().name(),
                job.status().name(), job.forceCanceled(), job.reasonCode(), job.comment(), job.targets(), job.description(),
                WireTime.fractionalSeconds(job.createdAtMillis()), WireTime.fractionalSeconds(job.lastUpdatedAtMillis()),
                WireTime.fractionalSeconds(job.completedAtMillis()), processDetails(details),
                timeoutConfig(job.inProgressTimeoutMinutes()), details.concurrent(), RunConfigShapes.rollout(job.runConfig()),
                RunConfigShapes.abort(job.runConfig()), RunConfigShapes.retry(job.runConfig()), RunConfigShapes.scheduling(job.runConfig()),
                RunConfigShapes.scheduledRollouts(details.scheduledRolloutStartMillis()), job.jobTemplateArn(),
                job.documentParameters().isEmpty() ? null : job.documentParameters(),
                RunConfigShapes.presignedUrls(job.runConfig()), safeRollout.member(details));
    }

    /** The job's {@code fleetjobs} member alone, for Fleetjobs' own routes. */
    dev.fleetjobs.protocol.fleetjobs.FleetjobsMember fleetjobsMember(JobDetails details) {
        return safeRollout.member(details);
    }

    SafeRolloutShapes safeRollout() {
        return safeRollout;
    }

    JobSummary jobSummary(JobListing listing) {
        Job job = listing.job();
        return new JobSummary(arns.job(job.jobId()), job.jobId(), listing.thingGroupId(), job.targetSelection().name(),
                job.status().name(), WireTime.fractionalSeconds(job.createdAtMillis()),
                WireTime.fractionalSeconds(job.lastUpdatedAtMillis()), WireTime.fractionalSeconds(job.completedAtMillis()),
                listing.concurrent());
    }

    static TimeoutConfig timeoutConfig(Long inProgressTimeoutMinutes) {
        return inProgressTimeoutMinutes == null ? null : new TimeoutConfig(inProgressTimeoutMinutes);
    }

    /** The counts; {@code processingTargets} only while the rollout still has targets to reach, as on AWS. */
    static JobProcessDetails processDetails(JobDetails details) {
        JobProgress progress = details.progress();
        List<String> processing = details.processingTargets();
        return new JobProcessDetails(processing.isEmpty() ? null : processing,
                progress.count(ExecutionStatus.CANCELED), progress.count(ExecutionStatus.SUCCEEDED),
                progress.count(ExecutionStatus.FAILED), progress.count(ExecutionStatus.REJECTED),
                progress.count(ExecutionStatus.QUEUED), progress.count(ExecutionStatus.IN_PROGRESS),
                progress.count(ExecutionStatus.REMOVED), progress.count(ExecutionStatus.TIMED_OUT));
    }

    static JobExecutionSummary summary(JobExecution e) {
        return new JobExecutionSummary(e.status().name(), WireTime.fractionalSeconds(e.queuedAtMillis()),
                WireTime.fractionalSeconds(e.startedAtMillis()), WireTime.fractionalSeconds(e.lastUpdatedAtMillis()),
                e.executionNumber(), e.retryAttempt());
    }

    dev.fleetjobs.protocol.controlplane.JobExecution execution(ExecutionView view) {
        JobExecution e = view.execution();
        return new dev.fleetjobs.protocol.controlplane.JobExecution(e.jobId(), e.status().name(), e.forceCanceled(),
                new JobExecutionStatusDetails(e.statusDetails()), arns.thing(e.thingName()),
                WireTime.fractionalSeconds(e.queuedAtMillis()), WireTime.fractionalSeconds(e.startedAtMillis()),
                WireTime.fractionalSeconds(e.lastUpdatedAtMillis()), e.executionNumber(), e.versionNumber(),
                view.approximateSecondsBeforeTimedOut());
    }
}
