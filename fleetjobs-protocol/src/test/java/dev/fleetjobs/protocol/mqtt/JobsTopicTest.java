package dev.fleetjobs.protocol.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobsTopicTest {

    @Test
    void theFourRequestTopicsAreParsedBySegmentPosition() {
        assertThat(JobsTopic.parse("$aws/things/t-1/jobs/get"))
                .isEqualTo(new JobsTopic("$aws/things/t-1/jobs/get", "t-1", JobsOperation.GET_PENDING_JOB_EXECUTIONS, null));
        assertThat(JobsTopic.parse("$aws/things/t-1/jobs/start-next").operation()).isEqualTo(JobsOperation.START_NEXT_PENDING_JOB_EXECUTION);
        assertThat(JobsTopic.parse("$aws/things/t-1/jobs/$next/get"))
                .isEqualTo(new JobsTopic("$aws/things/t-1/jobs/$next/get", "t-1", JobsOperation.DESCRIBE_JOB_EXECUTION, "$next"));
        assertThat(JobsTopic.parse("$aws/things/t-1/jobs/j-1/update"))
                .isEqualTo(new JobsTopic("$aws/things/t-1/jobs/j-1/update", "t-1", JobsOperation.UPDATE_JOB_EXECUTION, "j-1"));
    }

    @Test
    void jobIdsThatLookLikeKeywordsAreJobIds() {
        assertThat(JobsTopic.parse("$aws/things/t/jobs/get/get").jobId()).isEqualTo("get");
        assertThat(JobsTopic.parse("$aws/things/t/jobs/notify/update").jobId()).isEqualTo("notify");
        assertThat(JobsTopic.parse("$aws/things/t/jobs/start-next/get").operation()).isEqualTo(JobsOperation.DESCRIBE_JOB_EXECUTION);
    }

    @Test
    void jobsTopicsThatNameNoOperationHaveNone() {
        for (String topic : new String[] {"$aws/things/t/jobs/notify", "$aws/things/t/jobs/get/accepted", "$aws/things/t/jobs/",
            "$aws/things/t/jobs/j/get/extra", "$aws/things/t/jobs//get", "$aws/things/t/jobs/j/delete"}) {
            JobsTopic parsed = JobsTopic.parse(topic);
            assertThat(parsed).as(topic).isNotNull();
            assertThat(parsed.thingName()).isEqualTo("t");
            assertThat(parsed.operation()).as(topic).isNull();
        }
    }

    @Test
    void otherTopicsAreNoJobsTopics() {
        assertThat(JobsTopic.parse("devices/t/telemetry")).isNull();
        assertThat(JobsTopic.parse("$aws/things/t/shadow/get")).isNull();
        assertThat(JobsTopic.parse("$aws/things//jobs/get")).isNull();
        assertThat(JobsTopic.parse("$aws/things/t")).isNull();
    }

    @Test
    void answerAndNotificationTopics() {
        JobsTopic topic = JobsTopic.parse("$aws/things/t/jobs/$next/get");
        assertThat(topic.accepted()).isEqualTo("$aws/things/t/jobs/$next/get/accepted");
        assertThat(topic.rejected()).isEqualTo("$aws/things/t/jobs/$next/get/rejected");
        assertThat(JobsTopic.notify("t")).isEqualTo("$aws/things/t/jobs/notify");
        assertThat(JobsTopic.notifyNext("t")).isEqualTo("$aws/things/t/jobs/notify-next");
        assertThat(JobsTopic.jobEvent("j", "completed")).isEqualTo("$aws/events/job/j/completed");
        assertThat(JobsTopic.executionEvent("j", "succeeded")).isEqualTo("$aws/events/jobExecution/j/succeeded");
    }
}
