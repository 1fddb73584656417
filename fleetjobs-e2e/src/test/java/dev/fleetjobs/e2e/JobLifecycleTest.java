package dev.fleetjobs.e2e;

import static dev.fleetjobs.e2e.GroupTargetsTest.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** UpdateJob, DeleteJob and a CancelJob that reaches a large job's executions in the background. */
class JobLifecycleTest {

    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";

    @TempDir
    Path dataDir;

    @Test
    void updateJobChangesTheDescriptionAndTimeoutOnly() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            fleet.thing("u");
            iot.createJob(r -> r.jobId("upd").document("{}").targets(fleet.arnOf("u")).description("first"));
            Job before = iot.describeJob(r -> r.jobId("upd")).job();

            iot.updateJob(r -> r.jobId("upd").description("second").timeoutConfig(t -> t.inProgressTimeoutInMinutes(45L)));
            Job after = iot.describeJob(r -> r.jobId("upd")).job();
            assertThat(after.description()).isEqualTo("second");
            assertThat(after.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(45L);
            assertThat(after.lastUpdatedAt()).isAfterOrEqualTo(before.lastUpdatedAt());
            iot.updateJob(r -> r.jobId("upd").timeoutConfig(t -> t.inProgressTimeoutInMinutes(50L)));
            assertThat(iot.describeJob(r -> r.jobId("upd")).job().description()).isEqualTo("second");

            assertThatThrownBy(() -> iot.updateJob(r -> r.jobId("upd").abortConfig(a -> a.criteriaList(c -> c.failureType("FAILED")
                    .action("CANCEL").thresholdPercentage(10.0).minNumberOfExecutedThings(1))))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("abortConfig");
            assertThatThrownBy(() -> iot.updateJob(r -> r.jobId("upd").timeoutConfig(t -> t.inProgressTimeoutInMinutes(0L))))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("inProgressTimeoutInMinutes");
            assertThatThrownBy(() -> iot.updateJob(r -> r.jobId("nope").description("x"))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(iot.describeJob(r -> r.jobId("upd")).job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(50L);
        }
    }

    @Test
    void deleteJobNeedsForceWhileInProgressAndFreesTheId() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            fleet.thing("d1");
            fleet.thing("d2");
            iot.createJob(r -> r.jobId("doomed").document("{\"n\":1}").targets(fleet.arnOf("d1"), fleet.arnOf("d2"))
                    .tags(t -> t.key("team").value("ops")));
            server.jobs().startNextPendingJobExecution(r -> r.thingName("d1"));

            assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("doomed"))).isInstanceOf(InvalidStateTransitionException.class)
                    .satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(409));
            assertThat(iot.describeJob(r -> r.jobId("doomed")).job().status()).isEqualTo(JobStatus.IN_PROGRESS);
            iot.deleteJob(r -> r.jobId("doomed").force(true));

            assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("doomed"))).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> iot.describeJobExecution(r -> r.thingName("d1").jobId("doomed")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> server.jobs().updateJobExecution(r -> r.thingName("d1").jobId("doomed").status("SUCCEEDED")))
                    .isInstanceOf(software.amazon.awssdk.services.iotjobsdataplane.model.ResourceNotFoundException.class);
            assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName("d2")).queuedJobs()).isEmpty();
            assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("doomed"))).isInstanceOf(ResourceNotFoundException.class);

            iot.createJob(r -> r.jobId("doomed").document("{\"n\":2}").targets(fleet.arnOf("d2")));
            var reborn = iot.describeJobExecution(r -> r.thingName("d2").jobId("doomed")).execution();
            assertThat(reborn.executionNumber()).isEqualTo(1L);
            assertThat(iot.getJobDocument(r -> r.jobId("doomed")).document()).isEqualTo("{\"n\":2}");
            assertThat(iot.listTagsForResource(r -> r.resourceArn("arn:aws:iot:us-east-1:000000000000:job/doomed")).tags())
                    .as("a deleted job's tags go with it").isEmpty();

            server.jobs().updateJobExecution(r -> r.thingName("d2").jobId("doomed").status("SUCCEEDED"));
            assertThat(iot.describeJob(r -> r.jobId("doomed")).job().status()).isEqualTo(JobStatus.COMPLETED);
            iot.deleteJob(r -> r.jobId("doomed"));
            assertThatThrownBy(() -> iot.getJobDocument(r -> r.jobId("doomed"))).isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("bad id"))).isInstanceOf(InvalidRequestException.class);
        }
    }

    @Test
    void deletionRunsInTheBackgroundAndAtMostTenJobsDeleteAtOnce() {
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withJobWorkBatchSize(2))) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            for (int i = 0; i < 3; i++) {
                fleet.thing("z" + i);
            }
            server.server().jobWorker().pause();
            for (int j = 0; j < 11; j++) {
                String jobId = "old-" + j;
                iot.createJob(r -> r.jobId(jobId).document("{}").targets(fleet.arnOf("z0"), fleet.arnOf("z1"), fleet.arnOf("z2")));
                iot.cancelJob(r -> r.jobId(jobId));
            }
            assertThat(iot.describeJob(r -> r.jobId("old-0")).job().isConcurrent()).as("cancel still under way").isTrue();
            for (int j = 0; j < 10; j++) {
                String jobId = "old-" + j;
                iot.deleteJob(r -> r.jobId(jobId));
            }
            Job deleting = iot.describeJob(r -> r.jobId("old-0")).job();
            assertThat(deleting.status()).isEqualTo(JobStatus.DELETION_IN_PROGRESS);
            assertThat(deleting.isConcurrent()).isTrue();
            assertThat(iot.listJobs(r -> r.status(JobStatus.DELETION_IN_PROGRESS)).jobs()).hasSize(10);
            assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("old-10"))).isInstanceOf(LimitExceededException.class)
                    .satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(410));
            assertThatThrownBy(() -> iot.deleteJob(r -> r.jobId("old-0").force(true))).isInstanceOf(InvalidStateTransitionException.class)
                    .hasMessageContaining("already being deleted");
            assertThatThrownBy(() -> iot.cancelJob(r -> r.jobId("old-0"))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> iot.updateJob(r -> r.jobId("old-0").description("x"))).isInstanceOf(InvalidRequestException.class);
            assertThatThrownBy(() -> iot.createJob(r -> r.jobId("old-0").document("{}").targets(fleet.arnOf("z0"))))
                    .isInstanceOf(ResourceAlreadyExistsException.class);

            server.server().jobWorker().resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> iot.listJobs(r -> r.status(JobStatus.DELETION_IN_PROGRESS)).jobs().isEmpty());
            assertThat(iot.listJobs(r -> r.maxResults(250)).jobs()).extracting(s -> s.jobId()).containsExactly("old-10");
            assertThat(iot.listJobExecutionsForThing(r -> r.thingName("z0")).executionSummaries()).singleElement()
                    .satisfies(s -> assertThat(s.jobId()).isEqualTo("old-10"));
            iot.deleteJob(r -> r.jobId("old-10"));
        }
    }

    @Test
    void cancelingALargeGroupJobStopsItsRolloutAndCancelsInBatches() {
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withJobWorkBatchSize(4))) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            iot.createThingGroup(r -> r.thingGroupName("many"));
            for (int i = 0; i < 12; i++) {
                member(iot, fleet, "c" + i, "many");
            }
            server.server().jobWorker().pause();
            iot.createJob(r -> r.jobId("halt").document("{}").targets(GROUP_ARN + "many"));
            server.server().jobWorker().runOnce();
            server.jobs().startNextPendingJobExecution(r -> r.thingName("c0"));
            assertThat(iot.describeJob(r -> r.jobId("halt")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(7);

            iot.cancelJob(r -> r.jobId("halt").force(true).reasonCode("RECALL"));
            Job canceling = iot.describeJob(r -> r.jobId("halt")).job();
            assertThat(canceling.status()).isEqualTo(JobStatus.CANCELED);
            assertThat(canceling.isConcurrent()).isTrue();
            assertThat(canceling.jobProcessDetails().processingTargets()).as("the rollout stopped").isEmpty();
            assertThat(canceling.jobProcessDetails().numberOfCanceledThings()).isEqualTo(4);

            server.server().jobWorker().resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> !iot.describeJob(r -> r.jobId("halt")).job().isConcurrent());
            Job canceled = iot.describeJob(r -> r.jobId("halt")).job();
            assertThat(canceled.jobProcessDetails().numberOfCanceledThings()).isEqualTo(8);
            assertThat(canceled.jobProcessDetails().numberOfQueuedThings()).isZero();
            assertThat(canceled.jobProcessDetails().numberOfInProgressThings()).isZero();
            var forced = iot.describeJobExecution(r -> r.thingName("c0").jobId("halt")).execution();
            assertThat(forced.status()).isEqualTo(JobExecutionStatus.CANCELED);
            assertThat(forced.forceCanceled()).isTrue();
            assertThat(GroupTargetsTest.executionThings(iot, "halt")).hasSize(8);
        }
    }
}
