package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ExponentialRate;
import dev.fleetjobs.core.model.JobRunConfig;
import dev.fleetjobs.core.model.RolloutConfig;
import dev.fleetjobs.core.model.ScheduleConfig;
import dev.fleetjobs.core.schedule.WireDateTime;
import dev.fleetjobs.protocol.controlplane.AbortConfig;
import dev.fleetjobs.protocol.controlplane.AbortCriteria;
import dev.fleetjobs.protocol.controlplane.ExponentialRolloutRate;
import dev.fleetjobs.protocol.controlplane.JobExecutionsRetryConfig;
import dev.fleetjobs.protocol.controlplane.JobExecutionsRolloutConfig;
import dev.fleetjobs.protocol.controlplane.MaintenanceWindow;
import dev.fleetjobs.protocol.controlplane.PresignedUrlConfig;
import dev.fleetjobs.protocol.controlplane.RateIncreaseCriteria;
import dev.fleetjobs.protocol.controlplane.RetryCriteria;
import dev.fleetjobs.protocol.controlplane.ScheduledJobRollout;
import dev.fleetjobs.protocol.controlplane.SchedulingConfig;
import java.util.List;

/** A job's or template's run configuration as DescribeJob(Template) shows it: each block as it was given, absent when it was not. */
final class RunConfigShapes {

    private RunConfigShapes() {
    }

    static JobExecutionsRolloutConfig rollout(JobRunConfig config) {
        RolloutConfig rollout = config.rollout();
        if (rollout == null) {
            return null;
        }
        ExponentialRate rate = rollout.exponentialRate();
        return new JobExecutionsRolloutConfig(rollout.maximumPerMinute(), rate == null ? null
                : new ExponentialRolloutRate(rate.baseRatePerMinute(), rate.incrementFactor(),
                        new RateIncreaseCriteria(rate.numberOfNotifiedThings(), rate.numberOfSucceededThings())));
    }

    static AbortConfig abort(JobRunConfig config) {
        return config.abortCriteria().isEmpty() ? null : new AbortConfig(config.abortCriteria().stream()
                .map(c -> new AbortCriteria(c.failureType().name(), c.action(), c.thresholdPercentage(), c.minNumberOfExecutedThings()))
                .toList());
    }

    static JobExecutionsRetryConfig retry(JobRunConfig config) {
        return config.retryCriteria().isEmpty() ? null : new JobExecutionsRetryConfig(config.retryCriteria().stream()
                .map(c -> new RetryCriteria(c.failureType().name(), c.numberOfRetries())).toList());
    }

    static SchedulingConfig scheduling(JobRunConfig config) {
        ScheduleConfig schedule = config.schedule();
        if (schedule == null) {
            return null;
        }
        return new SchedulingConfig(schedule.startTime(), schedule.endTime(),
                schedule.endBehavior() == null ? null : schedule.endBehavior().name(), windows(schedule));
    }

    /** A template's {@code maintenanceWindows}, kept as a schedule with only windows. */
    static List<MaintenanceWindow> maintenanceWindows(JobRunConfig config) {
        return config.schedule() == null ? null : windows(config.schedule());
    }

    private static List<MaintenanceWindow> windows(ScheduleConfig schedule) {
        return schedule.maintenanceWindows().isEmpty() ? null : schedule.maintenanceWindows().stream()
                .map(w -> new MaintenanceWindow(w.startTime(), w.durationInMinutes())).toList();
    }

    static PresignedUrlConfig presignedUrls(JobRunConfig config) {
        dev.fleetjobs.core.model.PresignedUrlConfig presigned = config.presignedUrlConfig();
        return presigned == null ? null : new PresignedUrlConfig(presigned.roleArn(), presigned.expiresInSec());
    }

    static List<ScheduledJobRollout> scheduledRollouts(List<Long> startMillis) {
        return startMillis.isEmpty() ? null : startMillis.stream().map(t -> new ScheduledJobRollout(WireDateTime.format(t))).toList();
    }
}
