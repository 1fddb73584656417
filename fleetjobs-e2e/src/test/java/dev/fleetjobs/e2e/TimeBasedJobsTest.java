package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.ServerConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AbortConfig;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.ExponentialRolloutRate;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobEndBehavior;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionsRetryConfig;
import software.amazon.awssdk.services.iot.model.JobExecutionsRolloutConfig;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.MaintenanceWindow;
import software.amazon.awssdk.services.iot.model.RateIncreaseCriteria;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.RetryCriteria;
import software.amazon.awssdk.services.iot.model.SchedulingConfig;
import software.amazon.awssdk.services.iot.model.TimeoutConfig;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;

/** Timers, retries, rollouts, abort and schedules through the official AWS SDK for Java v2, time moved by POST /_dev/clock. */
class TimeBasedJobsTest {

    private static final Instant START = Instant.parse("2025-03-10T12:00:00Z");

    @TempDir
    Path dataDir;

    private RunningServer server;
    private IotClient iot;
    private IotJobsDataPlaneClient jobs;
    private Fleet fleet;

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeEach
    void start() {
        server = RunningServer.startDev(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)), START);
        iot = server.iot();
        jobs = server.jobs();
        fleet = new Fleet(iot);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeviceThatGoesSilentAfterStartingWithAOneMinuteStepTimeoutEndsTimedOut() {
        fleet.thing("pump");
        fleet.job("firmware", "{\"v\":2}", "pump");
        JobExecution started = jobs.startNextPendingJobExecution(r -> r.thingName("pump").stepTimeoutInMinutes(1L)).execution();
        assertThat(started.approximateSecondsBeforeTimedOut()).isEqualTo(60L);
        assertThat(iot.describeJobExecution(r -> r.thingName("pump").jobId("firmware")).execution().approximateSecondsBeforeTimedOut())
                .isEqualTo(60L);

        server.advanceClock(180);

        var execution = iot.describeJobExecution(r -> r.thingName("pump").jobId("firmware")).execution();
        assertThat(execution.status()).isEqualTo(JobExecutionStatus.TIMED_OUT);
        assertThat(execution.lastUpdatedAt()).isEqualTo(START.plusSeconds(60));
        assertThat(execution.approximateSecondsBeforeTimedOut()).isNull();
        assertThat(jobs.describeJobExecution(r -> r.thingName("pump").jobId("firmware")).execution().statusAsString())
                .isEqualTo("TIMED_OUT");
        Job job = iot.describeJob(r -> r.jobId("firmware")).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.jobProcessDetails().numberOfTimedOutThings()).isEqualTo(1);
        assertThatThrownBy(() -> jobs.updateJobExecution(r -> r.thingName("pump").jobId("firmware").status("SUCCEEDED")))
                .isInstanceOf(software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException.class);
    }

    @Test
    void everyConfigurationBlockIsEchoedByDescribeJob() {
        fleet.thing("pump");
        iot.createJob(r -> r.jobId("configured").targets(fleet.arnOf("pump")).document("{}")
                .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(30L).build())
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(50)
                        .exponentialRate(ExponentialRolloutRate.builder().baseRatePerMinute(5).incrementFactor(1.5)
                                .rateIncreaseCriteria(RateIncreaseCriteria.builder().numberOfSucceededThings(10).build()).build()).build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder().failureType("ALL").action("CANCEL")
                        .thresholdPercentage(12.5).minNumberOfExecutedThings(20).build()).build())
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                        RetryCriteria.builder().failureType("FAILED").numberOfRetries(2).build(),
                        RetryCriteria.builder().failureType("TIMED_OUT").numberOfRetries(3).build()).build())
                .schedulingConfig(SchedulingConfig.builder().startTime("2025-03-10T13:00").endTime("2025-03-20T13:00")
                        .endBehavior(JobEndBehavior.CANCEL)
                        .maintenanceWindows(MaintenanceWindow.builder().startTime("cron(0 2 * * ? *)").durationInMinutes(90).build())
                        .build()));

        Job job = iot.describeJob(r -> r.jobId("configured")).job();
        assertThat(job.status()).isEqualTo(JobStatus.SCHEDULED);
        assertThat(job.isConcurrent()).isFalse();
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(job.jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(50);
        assertThat(job.jobExecutionsRolloutConfig().exponentialRate().incrementFactor()).isEqualTo(1.5);
        assertThat(job.jobExecutionsRolloutConfig().exponentialRate().rateIncreaseCriteria().numberOfSucceededThings()).isEqualTo(10);
        assertThat(job.abortConfig().criteriaList().get(0).thresholdPercentage()).isEqualTo(12.5);
        assertThat(job.abortConfig().criteriaList().get(0).failureTypeAsString()).isEqualTo("ALL");
        assertThat(job.jobExecutionsRetryConfig().criteriaList()).extracting(RetryCriteria::numberOfRetries).containsExactly(2, 3);
        assertThat(job.schedulingConfig().startTime()).isEqualTo("2025-03-10T13:00");
        assertThat(job.schedulingConfig().endBehavior()).isEqualTo(JobEndBehavior.CANCEL);
        assertThat(job.schedulingConfig().maintenanceWindows().get(0).durationInMinutes()).isEqualTo(90);
        assertThat(job.scheduledJobRollouts()).extracting(r -> r.startTime())
                .as("the next seven windows from the start time on")
                .containsExactly("2025-03-11T02:00", "2025-03-12T02:00", "2025-03-13T02:00", "2025-03-14T02:00", "2025-03-15T02:00",
                        "2025-03-16T02:00", "2025-03-17T02:00");
    }

    @Test
    void invalidConfigurationsAreRefusedNamingTheFieldAndCreateNothing() {
        fleet.thing("pump");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(fleet.arnOf("pump")).document("{}")
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder().failureType("FAILED").action("CANCEL")
                        .thresholdPercentage(101.0).minNumberOfExecutedThings(1).build()).build())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("abortConfig.criteriaList.1.member.thresholdPercentage")
                .satisfies(e -> assertThat(((InvalidRequestException) e).statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(fleet.arnOf("pump")).document("{}")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                        RetryCriteria.builder().failureType("REJECTED").numberOfRetries(1).build()).build())))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobExecutionsRetryConfig.criteriaList.1.member.failureType")
                .hasMessageContaining("[FAILED, TIMED_OUT, ALL]");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(fleet.arnOf("pump")).document("{}")
                .schedulingConfig(SchedulingConfig.builder().startTime("2025-03-10T12:10").build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("schedulingConfig.startTime")
                .hasMessageContaining("thirty minutes");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(fleet.arnOf("pump")).document("{}")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                        RetryCriteria.builder().failureType("FAILED").numberOfRetries(11).build()).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("numberOfRetries");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad").targets(fleet.arnOf("pump")).document("{}")
                .schedulingConfig(SchedulingConfig.builder()
                        .maintenanceWindows(MaintenanceWindow.builder().startTime("every night").durationInMinutes(60).build()).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("schedulingConfig.maintenanceWindows.1.member.startTime");
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("bad"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void aRolloutOffersThingsAtItsRateAndAnAbortStopsIt() {
        List.of("t1", "t2", "t3", "t4").forEach(fleet::thing);
        iot.createJob(r -> r.jobId("staged").targets(List.of("t1", "t2", "t3", "t4").stream().map(fleet::arnOf).toList()).document("{}")
                .jobExecutionsRolloutConfig(JobExecutionsRolloutConfig.builder().maximumPerMinute(1).build())
                .abortConfig(AbortConfig.builder().criteriaList(AbortCriteria.builder().failureType("FAILED").action("CANCEL")
                        .thresholdPercentage(50.0).minNumberOfExecutedThings(2).build()).build()));
        assertThat(jobs.getPendingJobExecutions(r -> r.thingName("t1")).queuedJobs()).hasSize(1);
        assertThat(jobs.getPendingJobExecutions(r -> r.thingName("t2")).queuedJobs()).as("not offered yet").isEmpty();
        assertThat(iot.describeJob(r -> r.jobId("staged")).job().isConcurrent()).isTrue();

        server.advanceClock(60);
        assertThat(jobs.getPendingJobExecutions(r -> r.thingName("t2")).queuedJobs()).hasSize(1);
        jobs.updateJobExecution(r -> r.thingName("t1").jobId("staged").status("FAILED"));

        Job aborted = iot.describeJob(r -> r.jobId("staged")).job();
        assertThat(aborted.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(aborted.reasonCode()).isEqualTo("ABORT_CRITERIA_MET");
        assertThat(aborted.comment()).contains("1 of 2 executed things (50%)");
        assertThat(aborted.jobProcessDetails().numberOfCanceledThings()).isEqualTo(1);
        server.advanceClock(600);
        assertThat(jobs.getPendingJobExecutions(r -> r.thingName("t3")).queuedJobs()).isEmpty();
        assertThat(iot.listJobExecutionsForJob(r -> r.jobId("staged")).executionSummaries()).hasSize(2);
    }

    @Test
    void aFailedExecutionIsRetriedUnderANewExecutionNumber() {
        fleet.thing("pump");
        iot.createJob(r -> r.jobId("retried").targets(fleet.arnOf("pump")).document("{}")
                .jobExecutionsRetryConfig(JobExecutionsRetryConfig.builder().criteriaList(
                        RetryCriteria.builder().failureType("ALL").numberOfRetries(1).build()).build()));
        jobs.startNextPendingJobExecution(r -> r.thingName("pump"));
        jobs.updateJobExecution(r -> r.thingName("pump").jobId("retried").status("FAILED"));
        var summaries = iot.listJobExecutionsForThing(r -> r.thingName("pump")).executionSummaries();
        assertThat(summaries).extracting(s -> s.jobExecutionSummary().executionNumber() + ":" + s.jobExecutionSummary().retryAttempt()
                + ":" + s.jobExecutionSummary().statusAsString()).containsExactly("1:0:FAILED", "2:1:QUEUED");
        assertThat(jobs.startNextPendingJobExecution(r -> r.thingName("pump")).execution().executionNumber()).isEqualTo(2L);
    }
}
