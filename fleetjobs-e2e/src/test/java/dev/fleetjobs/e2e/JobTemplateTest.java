package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.ConflictException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.IotException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobTemplateSummary;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** Custom job templates, jobs made from them, and {@code ${aws:iot:parameter:...}} substitution. */
class JobTemplateTest extends LiveServerTest {

    private static final String TEMPLATE_ARN = "arn:aws:iot:us-east-1:000000000000:jobtemplate/";
    private static final String FIRMWARE = "{\"operation\":\"install\",\"url\":\"${aws:iot:parameter:url}\","
            + "\"version\":\"${aws:iot:parameter:version}\"}";


    @BeforeEach
    void setUp() {
        fleet.thing("device");
    }

    @Test
    void createDescribeListAndDeleteTemplates() {
        var created = iot.createJobTemplate(r -> r.jobTemplateId("firmware").description("Install firmware").document(FIRMWARE)
                .timeoutConfig(t -> t.inProgressTimeoutInMinutes(60L)).tags(t -> t.key("team").value("ops")));
        assertThat(created.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "firmware");
        assertThat(created.jobTemplateId()).isEqualTo("firmware");

        var described = iot.describeJobTemplate(r -> r.jobTemplateId("firmware"));
        assertThat(described.document()).isEqualTo(FIRMWARE);
        assertThat(described.description()).isEqualTo("Install firmware");
        assertThat(described.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(60L);
        assertThat(described.createdAt()).isNotNull();
        assertThat(described.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "firmware");
        assertThat(iot.listTagsForResource(r -> r.resourceArn(TEMPLATE_ARN + "firmware")).tags()).singleElement()
                .satisfies(t -> assertThat(t.key()).isEqualTo("team"));

        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("firmware").description("again").document("{}")))
                .isInstanceOf(ConflictException.class).satisfies(e -> assertThat(((IotException) e).statusCode()).isEqualTo(409));
        for (String id : new String[] {"b", "c", "a"}) {
            iot.createJobTemplate(r -> r.jobTemplateId(id).description("template " + id).document("{}"));
        }
        assertThat(iot.listJobTemplatesPaginator(r -> r.maxResults(2)).jobTemplates().stream().map(JobTemplateSummary::jobTemplateId)
                .toList()).containsExactly("a", "b", "c", "firmware");
        var summary = iot.listJobTemplates(r -> r.maxResults(1)).jobTemplates().get(0);
        assertThat(summary.description()).isEqualTo("template a");
        assertThat(summary.createdAt()).isNotNull();

        iot.deleteJobTemplate(r -> r.jobTemplateId("firmware"));
        assertThatThrownBy(() -> iot.describeJobTemplate(r -> r.jobTemplateId("firmware"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.deleteJobTemplate(r -> r.jobTemplateId("firmware"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listTagsForResource(r -> r.resourceArn(TEMPLATE_ARN + "firmware")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.listJobTemplates(r -> r.maxResults(300))).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> iot.describeJobTemplate(r -> r.jobTemplateId("bad id"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobTemplateId");
        assertThatThrownBy(() -> iot.deleteJobTemplate(r -> r.jobTemplateId("x".repeat(65)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobTemplateId");
    }

    @Test
    void createJobTemplateRefusesWhatItCannotKeep() {
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("s3").description("d")
                .documentSource("https://s3.amazonaws.com/bucket/doc.json"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("documentSource").hasMessageContaining("'document'");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("none").description("d")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("document or jobArn");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("nodesc").document("{}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("description");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("big").description("d")
                .document("{\"x\":\"" + "y".repeat(32800) + "\"}"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("document");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("ghost").description("d")
                .jobArn("arn:aws:iot:us-east-1:000000000000:job/ghost"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("presigned").description("d").document("{}")
                .presignedUrlConfig(c -> c.roleArn("arn:aws:iam::000000000000:role/r").expiresInSec(59L))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("presignedUrlConfig");
        assertThat(iot.listJobTemplates(r -> r.maxResults(10)).jobTemplates()).isEmpty();
    }

    @Test
    void aJobFromATemplateTakesItsDocumentWithParametersAndItsTimeoutUnlessOverridden() {
        iot.createJobTemplate(r -> r.jobTemplateId("firmware").description("Install firmware").document(FIRMWARE)
                .timeoutConfig(t -> t.inProgressTimeoutInMinutes(60L)));
        iot.createJob(r -> r.jobId("fw-2").targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + "firmware")
                .documentParameters(Map.of("url", "https://example.com/fw \"2\".bin", "version", "2.0")));

        String substituted = "{\"operation\":\"install\",\"url\":\"https://example.com/fw \\\"2\\\".bin\",\"version\":\"2.0\"}";
        assertThat(iot.getJobDocument(r -> r.jobId("fw-2")).document()).isEqualTo(substituted);
        assertThat(iot.getJobDocument(r -> r.jobId("fw-2").beforeSubstitution(true)).document()).isEqualTo(FIRMWARE);
        assertThat(server.jobs().describeJobExecution(r -> r.thingName("device").jobId("fw-2")).execution().jobDocument())
                .isEqualTo(substituted);
        Job job = iot.describeJob(r -> r.jobId("fw-2").beforeSubstitution(true)).job();
        assertThat(job.jobTemplateArn()).isEqualTo(TEMPLATE_ARN + "firmware");
        assertThat(job.documentParameters()).containsEntry("version", "2.0");
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(60L);

        iot.createJob(r -> r.jobId("fw-3").targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + "firmware")
                .documentParameters(Map.of("url", "u", "version", "3")).timeoutConfig(t -> t.inProgressTimeoutInMinutes(5L)));
        assertThat(iot.describeJob(r -> r.jobId("fw-3")).job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(5L);

        iot.createJobTemplate(r -> r.jobTemplateId("copy").description("copied").jobArn("arn:aws:iot:us-east-1:000000000000:job/fw-2"));
        var copy = iot.describeJobTemplate(r -> r.jobTemplateId("copy"));
        assertThat(copy.document()).as("a copy keeps the placeholders").isEqualTo(FIRMWARE);
        assertThat(copy.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(60L);

        iot.deleteJobTemplate(r -> r.jobTemplateId("firmware"));
        assertThat(iot.getJobDocument(r -> r.jobId("fw-2")).document()).as("jobs keep their document").isEqualTo(substituted);
    }

    @Test
    void parametersMustMatchThePlaceholdersAndBelongToATemplate() {
        iot.createJobTemplate(r -> r.jobTemplateId("firmware").description("Install firmware").document(FIRMWARE));
        iot.createJobTemplate(r -> r.jobTemplateId("plain").description("No placeholders").document("{\"op\":\"reboot\"}"));

        assertThatThrownBy(() -> fromTemplate("missing", "firmware", Map.of("url", "u"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("${aws:iot:parameter:version}");
        assertThatThrownBy(() -> fromTemplate("extra", "plain", Map.of("url", "u"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("documentParameters.url");
        assertThatThrownBy(() -> fromTemplate("badkey", "firmware", Map.of("url", "u", "version", "1", "bad key", "x")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("documentParameters");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("inline").targets(fleet.arnOf("device")).document("{}")
                .documentParameters(Map.of("url", "u")))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("jobTemplateArn");
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("both").targets(fleet.arnOf("device")).document("{}")
                .jobTemplateArn(TEMPLATE_ARN + "plain"))).isInstanceOf(InvalidRequestException.class).hasMessageContaining("document");
        assertThatThrownBy(() -> fromTemplate("ghost", "ghost", Map.of())).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.createJob(r -> r.jobId("wrongarn").targets(fleet.arnOf("device"))
                .jobTemplateArn("arn:aws:iot:us-east-1:000000000000:job/plain"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobTemplateArn");

        fromTemplate("reboot", "plain", Map.of());
        assertThat(iot.getJobDocument(r -> r.jobId("reboot").beforeSubstitution(true)).document()).isEqualTo("{\"op\":\"reboot\"}");
        assertThat(iot.describeJob(r -> r.jobId("reboot")).job().documentParameters()).isEmpty();
        assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("missing"))).isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> iot.getJobDocument(r -> r.jobId("bad id"))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobId");
    }

    private void fromTemplate(String jobId, String templateId, Map<String, String> parameters) {
        iot.createJob(r -> r.jobId(jobId).targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + templateId)
                .documentParameters(parameters));
    }
}
