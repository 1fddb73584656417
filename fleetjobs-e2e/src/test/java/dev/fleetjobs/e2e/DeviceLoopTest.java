package dev.fleetjobs.e2e;

import dev.fleetjobs.server.app.ServerConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iotjobsdataplane.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;
import software.amazon.awssdk.services.iotjobsdataplane.model.StartNextPendingJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.UpdateJobExecutionResponse;

/** The whole device loop through the official AWS SDK for Java v2 clients. */
class DeviceLoopTest {

    @TempDir
    Path dataDir;

    private RunningServer server;
    private Fleet fleet;

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeEach
    void start() {
        server = RunningServer.start(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)));
        fleet = new Fleet(server.iot());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aDeviceRunsTwoJobsInOrderAndTheJobsComplete() {
        fleet.thing("sensor-1");
        fleet.job("firmware", "{\"operation\":\"install\",\"version\":\"2.0\"}", "sensor-1");
        fleet.job("reboot", "{\"operation\":\"reboot\"}", "sensor-1");
        var jobs = server.jobs();

        GetPendingJobExecutionsResponse pending = jobs.getPendingJobExecutions(r -> r.thingName("sensor-1"));
        assertThat(pending.inProgressJobs()).isEmpty();
        assertThat(pending.queuedJobs()).extracting("jobId").containsExactly("firmware", "reboot");
        assertThat(pending.queuedJobs().get(0).versionNumber()).isEqualTo(1L);
        assertThat(pending.queuedJobs().get(0).executionNumber()).isEqualTo(1L);

        DescribeJobExecutionResponse next = jobs.describeJobExecution(r -> r.thingName("sensor-1").jobId("$next"));
        assertThat(next.execution().jobId()).isEqualTo("firmware");
        assertThat(next.execution().jobDocument()).isEqualTo("{\"operation\":\"install\",\"version\":\"2.0\"}");
        assertThat(next.execution().statusAsString()).isEqualTo("QUEUED");

        StartNextPendingJobExecutionResponse started = jobs.startNextPendingJobExecution(r -> r.thingName("sensor-1")
                .statusDetails(Map.of("phase", "download")).stepTimeoutInMinutes(5L));
        JobExecution execution = started.execution();
        assertThat(execution.jobId()).isEqualTo("firmware");
        assertThat(execution.statusAsString()).isEqualTo("IN_PROGRESS");
        assertThat(execution.versionNumber()).isEqualTo(2L);
        assertThat(execution.startedAt()).isNotNull();
        assertThat(execution.statusDetails()).containsEntry("phase", "download");
        assertThat(execution.jobDocument()).contains("install");

        StartNextPendingJobExecutionResponse again = jobs.startNextPendingJobExecution(r -> r.thingName("sensor-1"));
        assertThat(again.execution().jobId()).as("StartNext returns the running execution, never a second one").isEqualTo("firmware");
        assertThat(again.execution().versionNumber()).isEqualTo(2L);

        UpdateJobExecutionResponse progress = jobs.updateJobExecution(r -> r.thingName("sensor-1").jobId("firmware")
                .status("IN_PROGRESS").statusDetails(Map.of("phase", "install")).expectedVersion(2L).includeJobExecutionState(true));
        assertThat(progress.executionState().versionNumber()).isEqualTo(3L);
        assertThat(progress.executionState().statusDetails()).isEqualTo(Map.of("phase", "install"));
        assertThat(progress.jobDocument()).isNull();

        UpdateJobExecutionResponse done = jobs.updateJobExecution(r -> r.thingName("sensor-1").jobId("firmware")
                .status("SUCCEEDED").includeJobDocument(true));
        assertThat(done.executionState()).isNull();
        assertThat(done.jobDocument()).contains("install");

        assertThat(server.iot().describeJob(r -> r.jobId("firmware")).job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(server.iot().describeJob(r -> r.jobId("firmware")).job().completedAt()).isNotNull();

        JobExecution reboot = jobs.startNextPendingJobExecution(r -> r.thingName("sensor-1")).execution();
        assertThat(reboot.jobId()).isEqualTo("reboot");
        jobs.updateJobExecution(r -> r.thingName("sensor-1").jobId("reboot").status("FAILED").statusDetails(Map.of("error", "disk full")));

        assertThat(jobs.startNextPendingJobExecution(r -> r.thingName("sensor-1")).execution()).isNull();
        assertThat(jobs.describeJobExecution(r -> r.thingName("sensor-1").jobId("$next")).execution()).isNull();
        assertThat(jobs.getPendingJobExecutions(r -> r.thingName("sensor-1")).queuedJobs()).isEmpty();

        var finalState = jobs.describeJobExecution(r -> r.thingName("sensor-1").jobId("reboot").includeJobDocument(false)).execution();
        assertThat(finalState.statusAsString()).isEqualTo("FAILED");
        assertThat(finalState.jobDocument()).isNull();
        assertThat(finalState.statusDetails()).containsEntry("error", "disk full");

        var job = server.iot().describeJob(r -> r.jobId("reboot")).job();
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
        assertThat(job.jobProcessDetails().numberOfFailedThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isZero();
        var cpExecution = server.iot().describeJobExecution(r -> r.thingName("sensor-1").jobId("reboot")).execution();
        assertThat(cpExecution.status()).isEqualTo(JobExecutionStatus.FAILED);
        assertThat(cpExecution.statusDetails().detailsMap()).containsEntry("error", "disk full");
        assertThat(cpExecution.thingArn()).endsWith(":thing/sensor-1");
    }

    @Test
    void inProgressExecutionsComeFirstThenTheOldestQueued() {
        fleet.thing("t");
        fleet.job("a", "{}", "t");
        fleet.job("b", "{}", "t");
        fleet.job("c", "{}", "t");
        server.jobs().updateJobExecution(r -> r.thingName("t").jobId("c").status("IN_PROGRESS"));

        var pending = server.jobs().getPendingJobExecutions(r -> r.thingName("t"));
        assertThat(pending.inProgressJobs()).extracting("jobId").containsExactly("c");
        assertThat(pending.queuedJobs()).extracting("jobId").containsExactly("a", "b");
        assertThat(server.jobs().describeJobExecution(r -> r.thingName("t").jobId("$next")).execution().jobId()).isEqualTo("c");
    }

    @Test
    void atMostTenPendingExecutionsAreListed() {
        fleet.thing("busy");
        for (int i = 0; i < 12; i++) {
            fleet.job("job-" + i, "{}", "busy");
        }
        var pending = server.jobs().getPendingJobExecutions(r -> r.thingName("busy"));
        assertThat(pending.queuedJobs()).hasSize(10);
        assertThat(pending.queuedJobs().get(0).jobId()).isEqualTo("job-0");
    }

    @Test
    void timestampsAreWholeSeconds() {
        fleet.thing("clock");
        fleet.job("j", "{}", "clock");
        var execution = server.jobs().startNextPendingJobExecution(r -> r.thingName("clock")).execution();
        assertThat(execution.queuedAt()).isBetween(1_700_000_000L, 4_000_000_000L);
        assertThat(execution.startedAt()).isBetween(execution.queuedAt(), execution.queuedAt() + 60);
    }
}
