package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.model.AbortAction;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.CreateJobTemplateRequest;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.Job;
import software.amazon.awssdk.services.iot.model.JobExecutionFailureType;
import software.amazon.awssdk.services.iot.model.MaintenanceWindow;
import software.amazon.awssdk.services.iot.model.RetryCriteria;
import software.amazon.awssdk.services.iot.model.RetryableFailureType;

/** The run configuration of job templates: kept, copied from a job, and inherited block by block by jobs. */
class JobTemplateRunConfigTest extends LiveServerTest {

    private static final String TEMPLATE_ARN = "arn:aws:iot:us-east-1:000000000000:jobtemplate/";
    private static final String NIGHTLY = "cron(0 2 * * ? *)";

    @BeforeEach
    void setUp() {
        fleet.thing("device");
        iot.createJobTemplate(r -> fullTemplate(r, "full"));
    }

    @Test
    void aTemplateKeepsItsRunConfiguration() {
        var described = iot.describeJobTemplate(r -> r.jobTemplateId("full"));
        assertThat(described.jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(20);
        assertThat(described.jobExecutionsRolloutConfig().exponentialRate().incrementFactor()).isEqualTo(1.5);
        assertThat(described.jobExecutionsRolloutConfig().exponentialRate().rateIncreaseCriteria().numberOfNotifiedThings()).isEqualTo(10);
        assertThat(described.abortConfig().criteriaList()).singleElement().satisfies(c -> {
            assertThat(c.failureType()).isEqualTo(JobExecutionFailureType.FAILED);
            assertThat(c.thresholdPercentage()).isEqualTo(25.5);
            assertThat(c.minNumberOfExecutedThings()).isEqualTo(4);
        });
        assertThat(described.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(described.jobExecutionsRetryConfig().criteriaList()).singleElement()
                .satisfies(c -> assertThat(c.numberOfRetries()).isEqualTo(3));
        assertThat(described.maintenanceWindows()).containsExactly(MaintenanceWindow.builder().startTime(NIGHTLY).durationInMinutes(90).build());

        iot.createJobTemplate(r -> r.jobTemplateId("plain").description("d").document("{}"));
        var plain = iot.describeJobTemplate(r -> r.jobTemplateId("plain"));
        assertThat(plain.jobExecutionsRolloutConfig()).isNull();
        assertThat(plain.abortConfig()).isNull();
        assertThat(plain.hasMaintenanceWindows()).isFalse();
    }

    @Test
    void aJobInheritsTheBlocksItDoesNotGive() {
        iot.createJob(r -> r.jobId("inherits").targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + "full")
                .jobExecutionsRolloutConfig(c -> c.maximumPerMinute(5))
                .jobExecutionsRetryConfig(c -> c.criteriaList(RetryCriteria.builder().failureType(RetryableFailureType.TIMED_OUT)
                        .numberOfRetries(1).build())));
        Job job = iot.describeJob(r -> r.jobId("inherits")).job();
        assertThat(job.jobExecutionsRolloutConfig().maximumPerMinute()).as("given in CreateJob").isEqualTo(5);
        assertThat(job.jobExecutionsRolloutConfig().exponentialRate()).as("the whole block is overridden").isNull();
        assertThat(job.jobExecutionsRetryConfig().criteriaList()).singleElement()
                .satisfies(c -> assertThat(c.failureType()).isEqualTo(RetryableFailureType.TIMED_OUT));
        assertThat(job.abortConfig().criteriaList()).singleElement().satisfies(c -> assertThat(c.thresholdPercentage()).isEqualTo(25.5));
        assertThat(job.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(job.schedulingConfig().maintenanceWindows()).singleElement()
                .satisfies(w -> assertThat(w.startTime()).isEqualTo(NIGHTLY));

        iot.createJob(r -> r.jobId("own-windows").targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + "full")
                .schedulingConfig(c -> c.maintenanceWindows(MaintenanceWindow.builder().startTime("cron(0 4 * * ? *)")
                        .durationInMinutes(30).build())));
        assertThat(iot.describeJob(r -> r.jobId("own-windows")).job().schedulingConfig().maintenanceWindows()).singleElement()
                .satisfies(w -> assertThat(w.durationInMinutes()).isEqualTo(30));
    }

    @Test
    void aTemplateMadeFromAJobCopiesItsConfiguration() {
        iot.createJob(r -> r.jobId("source").targets(fleet.arnOf("device")).jobTemplateArn(TEMPLATE_ARN + "full")
                .abortConfig(c -> c.criteriaList(abort(50.0))));
        iot.createJobTemplate(r -> r.jobTemplateId("copy").description("copied").jobArn("arn:aws:iot:us-east-1:000000000000:job/source"));
        var copy = iot.describeJobTemplate(r -> r.jobTemplateId("copy"));
        assertThat(copy.document()).isEqualTo("{\"op\":\"install\"}");
        assertThat(copy.abortConfig().criteriaList()).singleElement().satisfies(c -> assertThat(c.thresholdPercentage()).isEqualTo(50.0));
        assertThat(copy.jobExecutionsRolloutConfig().maximumPerMinute()).isEqualTo(20);
        assertThat(copy.jobExecutionsRetryConfig().criteriaList()).hasSize(1);
        assertThat(copy.timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
        assertThat(copy.maintenanceWindows()).singleElement().satisfies(w -> assertThat(w.startTime()).isEqualTo(NIGHTLY));

        iot.createJobTemplate(r -> r.jobTemplateId("copy-faster").description("copied").jobArn("arn:aws:iot:us-east-1:000000000000:job/source")
                .jobExecutionsRolloutConfig(c -> c.maximumPerMinute(100)));
        assertThat(iot.describeJobTemplate(r -> r.jobTemplateId("copy-faster")).jobExecutionsRolloutConfig().maximumPerMinute())
                .isEqualTo(100);
    }

    @Test
    void invalidBlocksAreRefusedByName() {
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("bad-rate").description("d").document("{}")
                .jobExecutionsRolloutConfig(c -> c.maximumPerMinute(5000)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobExecutionsRolloutConfig.maximumPerMinute");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("bad-abort").description("d").document("{}")
                .abortConfig(c -> c.criteriaList(abort(150.0))))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("abortConfig.criteriaList.1.member.thresholdPercentage");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("bad-retry").description("d").document("{}")
                .jobExecutionsRetryConfig(c -> c.criteriaList(RetryCriteria.builder().failureType(RetryableFailureType.FAILED)
                        .numberOfRetries(20).build())))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("jobExecutionsRetryConfig.criteriaList.1.member.numberOfRetries");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("bad-window").description("d").document("{}")
                .maintenanceWindows(MaintenanceWindow.builder().startTime("not cron").durationInMinutes(60).build())))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("maintenanceWindows.1.member.startTime");
        assertThatThrownBy(() -> iot.createJobTemplate(r -> r.jobTemplateId("bad-timeout").description("d").document("{}")
                .timeoutConfig(c -> c.inProgressTimeoutInMinutes(0L)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("timeoutConfig.inProgressTimeoutInMinutes");
        assertThat(iot.listJobTemplates(r -> r.maxResults(10)).jobTemplates()).hasSize(1);
    }

    private static void fullTemplate(CreateJobTemplateRequest.Builder r, String id) {
        r.jobTemplateId(id).description("Install").document("{\"op\":\"install\"}")
                .jobExecutionsRolloutConfig(c -> c.maximumPerMinute(20).exponentialRate(e -> e.baseRatePerMinute(5).incrementFactor(1.5)
                        .rateIncreaseCriteria(i -> i.numberOfNotifiedThings(10))))
                .abortConfig(c -> c.criteriaList(abort(25.5)))
                .timeoutConfig(t -> t.inProgressTimeoutInMinutes(30L))
                .jobExecutionsRetryConfig(c -> c.criteriaList(RetryCriteria.builder().failureType(RetryableFailureType.FAILED)
                        .numberOfRetries(3).build()))
                .maintenanceWindows(MaintenanceWindow.builder().startTime(NIGHTLY).durationInMinutes(90).build());
    }

    private static AbortCriteria abort(double threshold) {
        return AbortCriteria.builder().failureType(JobExecutionFailureType.FAILED).action(AbortAction.CANCEL)
                .thresholdPercentage(threshold).minNumberOfExecutedThings(4).build();
    }
}
