package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.JobSummary;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TargetSelection;

/** ListJobs with every filter, and its paging while jobs are being created. */
class ListJobsTest extends LiveServerTest {

    private static final String GROUP_ARN = "arn:aws:iot:us-east-1:000000000000:thinggroup/";


    @BeforeEach
    void setUp() {
        fleet.thing("t");
    }

    @Test
    void listJobsFiltersByStatusSelectionAndGroup() {
        String groupId = iot.createThingGroup(r -> r.thingGroupName("g")).thingGroupId();
        iot.createThingGroup(r -> r.thingGroupName("other"));
        iot.createJob(r -> r.jobId("a-snap").document("{}").targets(fleet.arnOf("t")));
        iot.createJob(r -> r.jobId("b-cont").document("{}").targets(GROUP_ARN + "g").targetSelection(TargetSelection.CONTINUOUS));
        iot.createJob(r -> r.jobId("c-done").document("{}").targets(GROUP_ARN + "g"));
        iot.createJob(r -> r.jobId("d-canceled").document("{}").targets(fleet.arnOf("t")));
        iot.cancelJob(r -> r.jobId("d-canceled"));

        assertThat(ids(iot.listJobs(r -> r.maxResults(250)).jobs())).containsExactly("a-snap", "b-cont", "c-done", "d-canceled");
        assertThat(ids(iot.listJobs(r -> r.status(JobStatus.IN_PROGRESS)).jobs())).containsExactly("a-snap", "b-cont");
        assertThat(ids(iot.listJobs(r -> r.status(JobStatus.COMPLETED)).jobs())).containsExactly("c-done");
        assertThat(ids(iot.listJobs(r -> r.targetSelection(TargetSelection.CONTINUOUS)).jobs())).containsExactly("b-cont");
        assertThat(ids(iot.listJobs(r -> r.thingGroupName("g")).jobs())).containsExactly("b-cont", "c-done");
        assertThat(ids(iot.listJobs(r -> r.thingGroupId(groupId).status(JobStatus.IN_PROGRESS)).jobs())).containsExactly("b-cont");
        assertThat(iot.listJobs(r -> r.thingGroupName("other")).jobs()).isEmpty();

        JobSummary summary = iot.listJobs(r -> r.thingGroupName("g").maxResults(1)).jobs().get(0);
        assertThat(summary.jobArn()).isEqualTo("arn:aws:iot:us-east-1:000000000000:job/b-cont");
        assertThat(summary.thingGroupId()).isEqualTo(groupId);
        assertThat(summary.targetSelection()).isEqualTo(TargetSelection.CONTINUOUS);
        assertThat(summary.createdAt()).isNotNull();
        assertThat(summary.completedAt()).isNull();
        assertThat(summary.isConcurrent()).isFalse();
        JobSummary canceled = iot.listJobs(r -> r.status(JobStatus.CANCELED)).jobs().get(0);
        assertThat(canceled.completedAt()).isNotNull();
        assertThat(canceled.thingGroupId()).isNull();

        assertThatThrownBy(() -> iot.listJobs(r -> r.thingGroupName("nowhere"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listJobs(r -> r.status("FINISHED"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("status");
        assertThatThrownBy(() -> iot.listJobs(r -> r.maxResults(251))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listJobs(r -> r.namespaceId("greengrass"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("namespaceId");
        assertThatThrownBy(() -> iot.listJobs(r -> r.thingGroupId("bad id!"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("thingGroupId");
    }

    @Test
    void pagesStayCompleteWhileJobsAreCreated() {
        for (int i = 0; i < 20; i++) {
            String id = String.format("job-%02d", i);
            iot.createJob(r -> r.jobId(id).document("{}").targets(fleet.arnOf("t")));
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int page = 0;
        do {
            String current = token;
            var result = iot.listJobs(r -> r.maxResults(6).nextToken(current));
            assertThat(result.jobs()).hasSizeLessThanOrEqualTo(6);
            seen.addAll(ids(result.jobs()));
            String late = "job-" + (50 + page++);
            iot.createJob(r -> r.jobId(late).document("{}").targets(fleet.arnOf("t")));
            token = result.nextToken();
        } while (token != null);
        assertThat(seen).doesNotHaveDuplicates().isSorted().contains("job-00", "job-19");
        assertThat(iot.listJobsPaginator(r -> r.maxResults(7)).jobs().stream().count()).isEqualTo(20 + page);
        assertThat(iot.listJobExecutionsForThingPaginator(r -> r.thingName("t").maxResults(7)).executionSummaries().stream().count())
                .isEqualTo(20 + page);
        assertThatThrownBy(() -> iot.listJobs(r -> r.nextToken("dGhpbmc"))).isInstanceOf(InvalidRequestException.class);
    }

    private static List<String> ids(List<JobSummary> jobs) {
        return jobs.stream().map(JobSummary::jobId).toList();
    }
}
