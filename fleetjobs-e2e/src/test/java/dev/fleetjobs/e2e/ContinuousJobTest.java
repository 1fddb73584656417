package dev.fleetjobs.e2e;

import static dev.fleetjobs.e2e.GroupTargetsTest.executionThings;
import static dev.fleetjobs.e2e.GroupTargetsTest.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobProcessDetails;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TargetSelection;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException;

/** CONTINUOUS jobs follow their groups: things that join get executions, things that leave have theirs REMOVED. */
class ContinuousJobTest extends LiveServerTest {

    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";


    @BeforeEach
    void setUp() {
        iot.createThingGroup(r -> r.thingGroupName("fleet"));
        iot.createThingGroup(r -> r.thingGroupName("fleet-eu").parentGroupName("fleet"));
        iot.createThingGroup(r -> r.thingGroupName("fleet-eu-paris").parentGroupName("fleet-eu"));
        iot.createThingGroup(r -> r.thingGroupName("lab"));
    }

    @Test
    void thingsJoiningAndLeavingANestedGroupWhileTheJobRuns() {
        member(iot, fleet, "t1", "fleet");
        member(iot, fleet, "t2", "fleet-eu");
        iot.createJob(r -> r.jobId("follow").document("{\"v\":3}").targets(GROUP_ARN + "fleet")
                .targetSelection(TargetSelection.CONTINUOUS));
        iot.createJob(r -> r.jobId("once").document("{}").targets(GROUP_ARN + "fleet"));
        server.jobs().startNextPendingJobExecution(r -> r.thingName("t2"));
        assertCounts("follow", 1, 1, 0, 0);

        member(iot, fleet, "t3", "fleet-eu-paris");
        assertThat(status("t3", "follow")).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(executionThings(iot, "once")).as("a SNAPSHOT job keeps the members it had").containsExactlyInAnyOrder("t1", "t2");
        assertCounts("follow", 2, 1, 0, 0);

        iot.removeThingFromThingGroup(r -> r.thingGroupName("fleet-eu").thingName("t2"));
        assertThat(status("t2", "follow")).isEqualTo(JobExecutionStatus.REMOVED);
        assertThatThrownBy(() -> server.jobs().updateJobExecution(r -> r.thingName("t2").jobId("follow").status("SUCCEEDED")))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThat(status("t2", "once")).as("a SNAPSHOT job's executions stay").isEqualTo(JobExecutionStatus.QUEUED);
        assertCounts("follow", 2, 0, 0, 1);

        iot.removeThingFromThingGroup(r -> r.thingGroupName("fleet").thingName("t1"));
        assertThat(status("t1", "follow")).isEqualTo(JobExecutionStatus.REMOVED);
        iot.addThingToThingGroup(r -> r.thingGroupName("fleet-eu").thingName("t1"));
        var rejoined = iot.describeJobExecution(r -> r.thingName("t1").jobId("follow")).execution();
        assertThat(rejoined.status()).isEqualTo(JobExecutionStatus.QUEUED);
        assertThat(rejoined.executionNumber()).isEqualTo(2L);
        assertThat(iot.describeJobExecution(r -> r.thingName("t1").jobId("follow").executionNumber(1L)).execution().status())
                .isEqualTo(JobExecutionStatus.REMOVED);

        server.jobs().updateJobExecution(r -> r.thingName("t3").jobId("follow").status("SUCCEEDED"));
        server.jobs().updateJobExecution(r -> r.thingName("t1").jobId("follow").status("SUCCEEDED"));
        var details = iot.describeJob(r -> r.jobId("follow")).job();
        assertThat(details.status()).as("a continuous job never completes on its own").isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(details.jobProcessDetails().numberOfSucceededThings()).isEqualTo(2);
        assertThat(details.jobProcessDetails().numberOfRemovedThings()).isEqualTo(2);

        iot.addThingToThingGroup(r -> r.thingGroupName("lab").thingName("t3"));
        assertThat(iot.listJobExecutionsForThing(r -> r.thingName("t3").jobId("follow")).executionSummaries())
                .as("joining a group the job does not target changes nothing").hasSize(1);
    }

    @Test
    void associatedTargetsRollOutAndKeepThingsThatAreStillTargets() {
        member(iot, fleet, "eu-1", "fleet-eu");
        member(iot, fleet, "lab-1", "lab");
        iot.addThingToThingGroup(r -> r.thingGroupName("lab").thingName("eu-1"));
        iot.createJob(r -> r.jobId("grow").document("{}").targets(GROUP_ARN + "fleet-eu").targetSelection(TargetSelection.CONTINUOUS));
        assertThat(executionThings(iot, "grow")).containsExactly("eu-1");

        var associated = iot.associateTargetsWithJob(r -> r.jobId("grow").targets(GROUP_ARN + "lab", GROUP_ARN + "fleet-eu")
                .comment("labs too"));
        assertThat(associated.jobArn()).endsWith(":job/grow");
        var job = iot.describeJob(r -> r.jobId("grow")).job();
        assertThat(job.targets()).containsExactly(GROUP_ARN + "fleet-eu", GROUP_ARN + "lab");
        assertThat(job.comment()).isEqualTo("labs too");
        assertThat(executionThings(iot, "grow")).containsExactlyInAnyOrder("eu-1", "lab-1");

        iot.removeThingFromThingGroup(r -> r.thingGroupName("fleet-eu").thingName("eu-1"));
        assertThat(status("eu-1", "grow")).as("still a target through lab").isEqualTo(JobExecutionStatus.QUEUED);
        iot.removeThingFromThingGroup(r -> r.thingGroupName("lab").thingName("eu-1"));
        assertThat(status("eu-1", "grow")).isEqualTo(JobExecutionStatus.REMOVED);

        iot.deleteThingGroup(r -> r.thingGroupName("lab"));
        assertThat(status("lab-1", "grow")).as("a deleted group's things leave it").isEqualTo(JobExecutionStatus.REMOVED);
        assertThat(iot.listJobs(r -> r.thingGroupName("fleet-eu")).jobs()).extracting(s -> s.jobId()).containsExactly("grow");
    }

    @Test
    void associateTargetsWithJobRefusesWhatAwsRefuses() {
        fleet.thing("x");
        iot.createJob(r -> r.jobId("snap").document("{}").targets(fleet.arnOf("x")));
        iot.createJob(r -> r.jobId("cont").document("{}").targets(fleet.arnOf("x")).targetSelection(TargetSelection.CONTINUOUS));
        assertThatThrownBy(() -> iot.associateTargetsWithJob(r -> r.jobId("snap").targets(GROUP_ARN + "lab")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CONTINUOUS");
        assertThatThrownBy(() -> iot.associateTargetsWithJob(r -> r.jobId("none").targets(GROUP_ARN + "lab")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.associateTargetsWithJob(r -> r.jobId("cont").targets(GROUP_ARN + "missing")))
                .isInstanceOf(ResourceNotFoundException.class);
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String name = "g" + i;
            iot.createThingGroup(r -> r.thingGroupName(name));
            many.add(GROUP_ARN + name);
        }
        assertThatThrownBy(() -> iot.associateTargetsWithJob(r -> r.jobId("cont").targets(many)))
                .isInstanceOf(LimitExceededException.class).hasMessageContaining("101");
        assertThat(iot.describeJob(r -> r.jobId("cont")).job().targets()).hasSize(1);

        iot.cancelJob(r -> r.jobId("cont"));
        assertThatThrownBy(() -> iot.associateTargetsWithJob(r -> r.jobId("cont").targets(GROUP_ARN + "lab")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("CANCELED");
        iot.createJob(r -> r.jobId("stopped").document("{}").targets(GROUP_ARN + "lab").targetSelection(TargetSelection.CONTINUOUS));
        iot.cancelJob(r -> r.jobId("stopped"));
        member(iot, fleet, "late", "lab");
        assertThat(executionThings(iot, "stopped")).as("a canceled job gives no new executions").isEmpty();
    }

    private JobExecutionStatus status(String thing, String jobId) {
        return iot.describeJobExecution(r -> r.thingName(thing).jobId(jobId)).execution().status();
    }

    private void assertCounts(String jobId, long queued, long inProgress, long succeeded, long removed) {
        JobProcessDetails details = iot.describeJob(r -> r.jobId(jobId)).job().jobProcessDetails();
        assertThat(details.numberOfQueuedThings()).as("queued").isEqualTo(queued);
        assertThat(details.numberOfInProgressThings()).as("in progress").isEqualTo(inProgress);
        assertThat(details.numberOfSucceededThings()).as("succeeded").isEqualTo(succeeded);
        assertThat(details.numberOfRemovedThings()).as("removed").isEqualTo(removed);
    }
}
