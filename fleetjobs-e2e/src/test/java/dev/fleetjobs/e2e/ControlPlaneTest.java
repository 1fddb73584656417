package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.AttributePayload;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingAttribute;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/** The control-plane operations of the foundation through the official {@code IotClient}. */
class ControlPlaneTest extends LiveServerTest {


    @Test
    void createThingIsIdempotentAndConflictsOnADifferentConfiguration() {
        var first = iot.createThing(r -> r.thingName("lamp").attributePayload(AttributePayload.builder().attributes(Map.of("room", "hall")).build()));
        var again = iot.createThing(r -> r.thingName("lamp").attributePayload(AttributePayload.builder().attributes(Map.of("room", "hall")).build()));
        assertThat(again.thingId()).isEqualTo(first.thingId());
        assertThat(first.thingArn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:thing/lamp");
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("lamp")))
                .isInstanceOf(ResourceAlreadyExistsException.class)
                .satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(409));

        var described = iot.describeThing(r -> r.thingName("lamp"));
        assertThat(described.thingName()).isEqualTo("lamp");
        assertThat(described.defaultClientId()).isEqualTo("lamp");
        assertThat(described.thingId()).isEqualTo(first.thingId());
        assertThat(described.attributes()).isEqualTo(Map.of("room", "hall"));
        assertThat(described.version()).isEqualTo(1L);

        assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("nothing"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("bad/name"))).isInstanceOf(IotException.class);
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("typed").thingTypeName("Sensor")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.createThing(r -> r.thingName("many").attributePayload(AttributePayload.builder()
                .attributes(Map.of("a", "1", "b", "2", "c", "3", "d", "4")).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("at most 3");
        assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("many"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void listThingsPagesThroughEveryThingOnce() {
        for (int i = 0; i < 23; i++) {
            fleet.thing(String.format("thing-%02d", i));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String current = token;
            var page = iot.listThings(r -> r.maxResults(5).nextToken(current));
            page.things().stream().map(ThingAttribute::thingName).forEach(seen::add);
            token = page.nextToken();
            pages++;
            if (pages == 2) {
                fleet.thing("thing-99");
            }
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates().contains("thing-00", "thing-22").hasSizeGreaterThanOrEqualTo(23);
        assertThat(iot.listThingsPaginator(r -> r.maxResults(7)).things().stream().count()).isEqualTo(24);
        assertThatThrownBy(() -> iot.listThings(r -> r.maxResults(251))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("maxResults");
        assertThatThrownBy(() -> iot.listThings(r -> r.nextToken("not-a-token"))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void deletingAThingRemovesItsPendingExecutions() {
        fleet.thing("old");
        fleet.thing("new");
        fleet.job("upgrade", "{}", "old", "new");
        server.jobs().updateJobExecution(r -> r.thingName("new").jobId("upgrade").status("SUCCEEDED"));

        assertThatThrownBy(() -> iot.deleteThing(r -> r.thingName("old").expectedVersion(5L))).isInstanceOf(VersionConflictException.class);
        iot.deleteThing(r -> r.thingName("old"));
        iot.deleteThing(r -> r.thingName("old"));

        assertThatThrownBy(() -> iot.describeThing(r -> r.thingName("old"))).isInstanceOf(ResourceNotFoundException.class);
        var execution = iot.describeJobExecution(r -> r.thingName("old").jobId("upgrade")).execution();
        assertThat(execution.status()).isEqualTo(JobExecutionStatus.REMOVED);
        var job = iot.describeJob(r -> r.jobId("upgrade")).job();
        assertThat(job.jobProcessDetails().numberOfRemovedThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
        assertThat(job.status()).isEqualTo(JobStatus.COMPLETED);
    }

    @Test
    void createJobValidatesAndDescribeJobCountsExactly() {
        fleet.thing("a");
        fleet.thing("b");
        fleet.thing("c");
        var created = iot.createJob(r -> r.jobId("rollout").description("firmware 2")
                .targets(fleet.arnOf("a"), fleet.arnOf("b"), fleet.arnOf("c"), fleet.arnOf("a"))
                .document("{\"v\":2}").timeoutConfig(t -> t.inProgressTimeoutInMinutes(30L)));
        assertThat(created.jobArn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:job/rollout");
        assertThat(created.description()).isEqualTo("firmware 2");

        assertThatThrownBy(() -> fleet.job("rollout", "{}", "a")).isInstanceOf(ResourceAlreadyExistsException.class);
        assertThatThrownBy(() -> fleet.job("orphan", "{}", "ghost")).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> fleet.job("notjson", "not json", "a")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("document");
        assertThatThrownBy(() -> fleet.job("array", "[1,2]", "a")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> fleet.job("big", "{\"x\":\"" + "y".repeat(32800) + "\"}", "a")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("s3").targets(fleet.arnOf("a")).documentSource("https://s3.amazonaws.com/b/k")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("documentSource");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("bad id").targets(fleet.arnOf("a")).document("{}")))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("orphan"))).isInstanceOf(ResourceNotFoundException.class);

        server.jobs().startNextPendingJobExecution(r -> r.thingName("a"));
        server.jobs().updateJobExecution(r -> r.thingName("b").jobId("rollout").status("REJECTED"));
        var job = iot.describeJob(r -> r.jobId("rollout")).job();
        assertThat(job.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(job.targets()).hasSize(4);
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(job.jobProcessDetails().numberOfInProgressThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfRejectedThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfQueuedThings()).isEqualTo(1);
        assertThat(job.createdAt()).isNotNull();
        assertThat(iot.getJobDocument(r -> r.jobId("rollout")).document()).isEqualTo("{\"v\":2}");
    }

    @Test
    void listingExecutionsFiltersByStatusAndPages() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            names.add("n" + i);
            fleet.thing("n" + i);
        }
        fleet.job("wide", "{}", names.toArray(String[]::new));
        fleet.job("second", "{}", "n0");
        server.jobs().updateJobExecution(r -> r.thingName("n3").jobId("wide").status("SUCCEEDED"));

        List<JobExecutionSummaryForJob> all = new ArrayList<>();
        iot.listJobExecutionsForJobPaginator(r -> r.jobId("wide").maxResults(5)).executionSummaries().forEach(all::add);
        assertThat(all).hasSize(12);
        assertThat(all).extracting(JobExecutionSummaryForJob::thingArn).doesNotHaveDuplicates();
        var succeeded = iot.listJobExecutionsForJob(r -> r.jobId("wide").status(JobExecutionStatus.SUCCEEDED));
        assertThat(succeeded.executionSummaries()).singleElement()
                .satisfies(s -> assertThat(s.thingArn()).endsWith("thing/n3"));

        var forThing = iot.listJobExecutionsForThing(r -> r.thingName("n0"));
        assertThat(forThing.executionSummaries()).extracting(s -> s.jobId()).containsExactlyInAnyOrder("wide", "second");
        assertThat(forThing.executionSummaries().get(0).jobExecutionSummary().executionNumber()).isEqualTo(1L);
        assertThat(iot.listJobExecutionsForThing(r -> r.thingName("n0").status(JobExecutionStatus.IN_PROGRESS)).executionSummaries()).isEmpty();
        assertThatThrownBy(() -> iot.listJobExecutionsForJob(r -> r.jobId("missing"))).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void cancelJobCancelsQueuedAndOnlyWithForceInProgress() {
        fleet.thing("q");
        fleet.thing("r");
        fleet.job("stop-me", "{}", "q", "r");
        server.jobs().startNextPendingJobExecution(r -> r.thingName("r"));

        var canceled = iot.cancelJob(r -> r.jobId("stop-me").reasonCode("BAD_BUILD").comment("build 7 is broken"));
        assertThat(canceled.jobId()).isEqualTo("stop-me");
        var job = iot.describeJob(r -> r.jobId("stop-me")).job();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.reasonCode()).isEqualTo("BAD_BUILD");
        assertThat(job.comment()).isEqualTo("build 7 is broken");
        assertThat(job.forceCanceled()).isFalse();
        assertThat(job.jobProcessDetails().numberOfCanceledThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfInProgressThings()).isEqualTo(1);
        assertThatThrownBy(() -> iot.cancelJob(r -> r.jobId("stop-me"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.cancelJob(r -> r.jobId("stop-me").reasonCode("lower case"))).isInstanceOf(InvalidRequestException.class);

        fleet.job("force-me", "{}", "q");
        server.jobs().startNextPendingJobExecution(r -> r.thingName("q"));
        iot.cancelJob(r -> r.jobId("force-me").force(true));
        var forced = iot.describeJobExecution(r -> r.thingName("q").jobId("force-me")).execution();
        assertThat(forced.status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(forced.forceCanceled()).isTrue();
        assertThatThrownBy(() -> server.jobs().updateJobExecution(r -> r.thingName("q").jobId("force-me").status("SUCCEEDED")))
                .isInstanceOf(software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException.class);
    }

    @Test
    void cancelAndDeleteSingleExecutions() {
        fleet.thing("x");
        fleet.job("one", "{}", "x");
        fleet.job("two", "{}", "x");
        fleet.job("three", "{}", "x");
        server.jobs().updateJobExecution(r -> r.thingName("x").jobId("two").status("IN_PROGRESS"));

        assertThatThrownBy(() -> iot.cancelJobExecution(r -> r.thingName("x").jobId("one").expectedVersion(9L)))
                .isInstanceOf(VersionConflictException.class);
        iot.cancelJobExecution(r -> r.thingName("x").jobId("one").statusDetails(Map.of("why", "obsolete")));
        var one = iot.describeJobExecution(r -> r.thingName("x").jobId("one")).execution();
        assertThat(one.status()).isEqualTo(JobExecutionStatus.CANCELED);
        assertThat(one.statusDetails().detailsMap()).containsEntry("why", "obsolete");
        assertThat(iot.describeJob(r -> r.jobId("one")).job().status()).isEqualTo(JobStatus.COMPLETED);
        assertThatThrownBy(() -> iot.cancelJobExecution(r -> r.thingName("x").jobId("one")))
                .isInstanceOf(InvalidStateTransitionException.class);
        assertThatThrownBy(() -> iot.cancelJobExecution(r -> r.thingName("x").jobId("two")))
                .isInstanceOf(InvalidStateTransitionException.class);
        iot.cancelJobExecution(r -> r.thingName("x").jobId("two").force(true));
        assertThat(iot.describeJobExecution(r -> r.thingName("x").jobId("two")).execution().forceCanceled()).isTrue();

        server.jobs().updateJobExecution(r -> r.thingName("x").jobId("three").status("IN_PROGRESS"));
        assertThatThrownBy(() -> iot.deleteJobExecution(r -> r.thingName("x").jobId("three").executionNumber(1L)))
                .isInstanceOf(InvalidStateTransitionException.class);
        iot.deleteJobExecution(r -> r.thingName("x").jobId("three").executionNumber(1L).force(true));
        assertThatThrownBy(() -> iot.describeJobExecution(r -> r.thingName("x").jobId("three")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> server.jobs().updateJobExecution(r -> r.thingName("x").jobId("three").status("SUCCEEDED")))
                .isInstanceOf(software.amazon.awssdk.services.iotjobsdataplane.model.ResourceNotFoundException.class);
        iot.deleteJobExecution(r -> r.thingName("x").jobId("one").executionNumber(1L));
        assertThatThrownBy(() -> iot.deleteJobExecution(r -> r.thingName("x").jobId("one").executionNumber(1L)))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
