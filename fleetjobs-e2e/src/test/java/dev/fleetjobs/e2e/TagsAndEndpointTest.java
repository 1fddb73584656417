package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.LimitExceededException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.Tag;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/** TagResource, UntagResource and ListTagsForResource on every taggable resource, and DescribeEndpoint. */
class TagsAndEndpointTest extends LiveServerTest {

    private static final String ARN = "arn:aws:iot:us-east-1:000000000000:";


    @Test
    void jobsTemplatesThingsAndGroupsCarryTags() {
        fleet.thing("tagged");
        iot.createThingGroup(r -> r.thingGroupName("tagged-group").tags(tag("env", "prod")));
        iot.createJob(r -> r.jobId("tagged-job").document("{}").targets(fleet.arnOf("tagged")).tags(tag("env", "prod")));
        iot.createJobTemplate(r -> r.jobTemplateId("tagged-template").description("d").document("{}").tags(tag("env", "prod")));

        for (String arn : List.of(ARN + "thing/tagged", ARN + "thinggroup/tagged-group", ARN + "job/tagged-job",
                ARN + "jobtemplate/tagged-template")) {
            iot.tagResource(r -> r.resourceArn(arn).tags(tag("team", "ops"), tag("env", "staging")));
            iot.untagResource(r -> r.resourceArn(arn).tagKeys("team", "not-there"));
            assertThat(iot.listTagsForResource(r -> r.resourceArn(arn)).tags()).as(arn).containsExactly(tag("env", "staging"));
        }
        assertThat(iot.listTagsForResource(r -> r.resourceArn("arn:aws:iot:eu-west-1:999999999999:thing/tagged")).tags())
                .as("another region or account in the ARN finds the same resource").containsExactly(tag("env", "staging"));

        iot.deleteThing(r -> r.thingName("tagged"));
        fleet.thing("tagged");
        assertThat(iot.listTagsForResource(r -> r.resourceArn(ARN + "thing/tagged")).tags()).as("tags go with the thing").isEmpty();
        iot.deleteThingGroup(r -> r.thingGroupName("tagged-group"));
        iot.createThingGroup(r -> r.thingGroupName("tagged-group"));
        assertThat(iot.listTagsForResource(r -> r.resourceArn(ARN + "thinggroup/tagged-group")).tags()).isEmpty();
    }

    @Test
    void tagsAreCheckedAndLimitedToFifty() {
        fleet.thing("limited");
        String arn = ARN + "thing/limited";
        List<Tag> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(tag(String.format("k%02d", i), "v"));
        }
        iot.tagResource(r -> r.resourceArn(arn).tags(fifty));
        iot.tagResource(r -> r.resourceArn(arn).tags(tag("k00", "replaced")));
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("one-more", "v"))))
                .isInstanceOf(LimitExceededException.class).satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(410));
        var listed = iot.listTagsForResourcePaginator(r -> r.resourceArn(arn)).tags().stream().toList();
        assertThat(listed).hasSize(50).contains(tag("k00", "replaced")).doesNotContain(tag("one-more", "v"));

        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("aws:reserved", "v"))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("aws:");
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(arn).tags(tag("k", "v".repeat(257)))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tags.1.member.Value");
        assertThatThrownBy(() -> iot.tagResource(r -> r.resourceArn(ARN + "thing/ghost").tags(tag("k", "v"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.untagResource(r -> r.resourceArn(ARN + "job/ghost").tagKeys("k")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.untagResource(r -> r.resourceArn(arn).tagKeys("bad\nkey"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn("arn:aws:s3:::bucket"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("resourceArn");
        assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn(arn).nextToken("forged"))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("dup-tags").document("{}").targets(fleet.arnOf("limited"))
                .tags(tag("a", "1"), tag("a", "2")))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("unique");
    }

    @Test
    void describeEndpointAnswersWithThisServersAddressAndTheAnswerWorks() {
        String address = iot.describeEndpoint(r -> r.endpointType("iot:Jobs")).endpointAddress();
        assertThat(address).isEqualTo(server.endpoint().getAuthority());
        for (String type : List.of("iot:Data", "iot:Data-ATS", "iot:CredentialProvider")) {
            assertThat(iot.describeEndpoint(r -> r.endpointType(type)).endpointAddress()).isEqualTo(address);
        }
        assertThat(iot.describeEndpoint(r -> { }).endpointAddress()).isEqualTo(address);
        assertThatThrownBy(() -> iot.describeEndpoint(r -> r.endpointType("iot:Nothing"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("endpointType");

        fleet.thing("discovering");
        fleet.job("found", "{}", "discovering");
        try (IotJobsDataPlaneClient discovered = IotJobsDataPlaneClient.builder().endpointOverride(URI.create("http://" + address))
                .region(Region.US_EAST_1).credentialsProvider(RunningServer.credentials())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build()) {
            assertThat(discovered.getPendingJobExecutions(r -> r.thingName("discovering")).queuedJobs()).singleElement()
                    .satisfies(s -> assertThat(s.jobId()).isEqualTo("found"));
        }
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
