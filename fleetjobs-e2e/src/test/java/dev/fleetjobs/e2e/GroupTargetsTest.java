package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * Jobs on thing groups: nested groups, a thing reached twice, SNAPSHOT membership taken at
 * creation, and the batched background rollout (visible as {@code processingTargets} and
 * {@code isConcurrent}, resumed after a restart).
 */
class GroupTargetsTest {

    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";

    @TempDir
    Path dataDir;

    @Test
    void aJobReachesThingsThroughNestedGroupsAndThingArnsOnceEach() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            iot.createThingGroup(r -> r.thingGroupName("region"));
            iot.createThingGroup(r -> r.thingGroupName("site").parentGroupName("region"));
            iot.createThingGroup(r -> r.thingGroupName("line").parentGroupName("site"));
            iot.createThingGroup(r -> r.thingGroupName("lab"));
            member(iot, fleet, "r1", "region");
            member(iot, fleet, "s1", "site");
            member(iot, fleet, "l1", "line");
            member(iot, fleet, "l2", "line");
            iot.addThingToThingGroup(r -> r.thingGroupName("lab").thingName("l1"));
            fleet.thing("solo");
            fleet.thing("outsider");

            iot.createJob(r -> r.jobId("mixed").document("{}")
                    .targets(GROUP_ARN + "region", "arn:aws:iot:eu-west-1:111122223333:thinggroup/lab", fleet.arnOf("solo"),
                            fleet.arnOf("l2")));

            Job job = iot.describeJob(r -> r.jobId("mixed")).job();
            assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(5);
            assertThat(job.jobProcessDetails().processingTargets()).isEmpty();
            assertThat(job.isConcurrent()).isFalse();
            assertThat(executionThings(iot, "mixed")).containsExactlyInAnyOrder("r1", "s1", "l1", "l2", "solo");
            assertThat(iot.listJobExecutionsForThing(r -> r.thingName("l1").jobId("mixed")).executionSummaries()).hasSize(1);
            assertThat(server.jobs().getPendingJobExecutions(r -> r.thingName("l2")).queuedJobs()).hasSize(1);

            assertThatThrownBy(() -> iot.createJob(r -> r.jobId("no-group").document("{}").targets(GROUP_ARN + "missing")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("missing");
            assertThatThrownBy(() -> iot.createJob(r -> r.jobId("not-a-target").document("{}")
                    .targets("arn:aws:iot:us-east-1:000000000000:job/mixed"))).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("targets.1.member");
            assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("no-group"))).isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Test
    void aSnapshotJobOnAnEmptyGroupCompletesAtOnce() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            IotClient iot = server.iot();
            iot.createThingGroup(r -> r.thingGroupName("empty"));
            iot.createJob(r -> r.jobId("nothing").document("{}").targets(GROUP_ARN + "empty"));
            Job job = iot.describeJob(r -> r.jobId("nothing")).job();
            assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
            assertThat(job.completedAt()).isNotNull();
        }
    }

    @Test
    void theRolloutRunsInBatchesTakesTheMembersAtCreationAndCompletesOnlyAfterItsLastBatch() {
        try (RunningServer server = RunningServer.start(ServerConfig.defaults("127.0.0.1", 0, dataDir).withJobWorkBatchSize(2))) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            iot.createThingGroup(r -> r.thingGroupName("batch"));
            for (int i = 0; i < 7; i++) {
                member(iot, fleet, "b" + i, "batch");
            }
            server.server().jobWorker().pause();
            iot.createJob(r -> r.jobId("slow").document("{}").targets(GROUP_ARN + "batch"));
            member(iot, fleet, "joined-later", "batch");

            Job rolling = iot.describeJob(r -> r.jobId("slow")).job();
            assertThat(rolling.isConcurrent()).isTrue();
            assertThat(rolling.jobProcessDetails().processingTargets()).containsExactly(GROUP_ARN + "batch");
            assertThat(rolling.jobProcessDetails().numberOfQueuedThings()).isEqualTo(2);
            assertThat(iot.listJobs(r -> r.status(JobStatus.IN_PROGRESS)).jobs()).singleElement()
                    .satisfies(summary -> assertThat(summary.isConcurrent()).isTrue());
            for (String thing : executionThings(iot, "slow")) {
                server.jobs().updateJobExecution(r -> r.thingName(thing).jobId("slow").status("SUCCEEDED"));
            }
            assertThat(iot.describeJob(r -> r.jobId("slow")).job().status()).as("more things are still to be reached")
                    .isEqualTo(JobStatus.IN_PROGRESS);

            assertThat(server.server().jobWorker().runOnce()).isTrue();
            assertThat(iot.describeJob(r -> r.jobId("slow")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(2);
            server.server().jobWorker().resume();
            await().atMost(Duration.ofSeconds(30)).until(() -> !iot.describeJob(r -> r.jobId("slow")).job().isConcurrent());

            Job rolledOut = iot.describeJob(r -> r.jobId("slow")).job();
            assertThat(rolledOut.jobProcessDetails().processingTargets()).isEmpty();
            assertThat(rolledOut.jobProcessDetails().numberOfQueuedThings()).isEqualTo(5);
            assertThat(rolledOut.jobProcessDetails().numberOfSucceededThings()).isEqualTo(2);
            assertThat(executionThings(iot, "slow")).hasSize(7).doesNotContain("joined-later");
            for (String thing : executionThings(iot, "slow")) {
                if (iot.describeJobExecution(r -> r.thingName(thing).jobId("slow")).execution().statusAsString().equals("QUEUED")) {
                    server.jobs().updateJobExecution(r -> r.thingName(thing).jobId("slow").status("FAILED"));
                }
            }
            assertThat(iot.describeJob(r -> r.jobId("slow")).job().status()).isEqualTo(JobStatus.COMPLETED);
        }
    }

    @Test
    void anInterruptedRolloutResumesAfterARestart() {
        ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, dataDir).withJobWorkBatchSize(3);
        try (RunningServer server = RunningServer.start(config)) {
            IotClient iot = server.iot();
            Fleet fleet = new Fleet(iot);
            iot.createThingGroup(r -> r.thingGroupName("restart"));
            for (int i = 0; i < 10; i++) {
                member(iot, fleet, "x" + i, "restart");
            }
            server.server().jobWorker().pause();
            iot.createJob(r -> r.jobId("resumed").document("{}").targets(GROUP_ARN + "restart"));
            assertThat(iot.describeJob(r -> r.jobId("resumed")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(3);
        }
        try (RunningServer server = RunningServer.start(config)) {
            IotClient iot = server.iot();
            await().atMost(Duration.ofSeconds(30)).until(() -> !iot.describeJob(r -> r.jobId("resumed")).job().isConcurrent());
            assertThat(iot.describeJob(r -> r.jobId("resumed")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(10);
            assertThat(executionThings(iot, "resumed")).hasSize(10).doesNotHaveDuplicates();
        }
    }

    static void member(IotClient iot, Fleet fleet, String thing, String group) {
        fleet.thing(thing);
        iot.addThingToThingGroup(r -> r.thingGroupName(group).thingName(thing));
    }

    static List<String> executionThings(IotClient iot, String jobId) {
        return iot.listJobExecutionsForJobPaginator(r -> r.jobId(jobId).maxResults(250)).executionSummaries().stream()
                .map(JobExecutionSummaryForJob::thingArn).map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }
}
