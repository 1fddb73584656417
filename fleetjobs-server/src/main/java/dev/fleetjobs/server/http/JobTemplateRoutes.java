package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.JobTemplate;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.CreateJobTemplateResponse;
import dev.fleetjobs.protocol.controlplane.DescribeJobTemplateResponse;
import dev.fleetjobs.protocol.controlplane.JobTemplateSummary;
import dev.fleetjobs.protocol.controlplane.ListJobTemplatesResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.JobTemplateService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The custom job template operations of the control plane. */
public final class JobTemplateRoutes implements RouteGroup {

    private static final List<String> TEMPLATE_MEMBERS_NOT_YET_SUPPORTED = List.of("destinationPackageVersions");

    private final JobTemplateService templates;
    private final Arns arns;

    public JobTemplateRoutes(JobTemplateService templates, Arns arns) {
        this.templates = templates;
        this.arns = arns;
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("CreateJobTemplate", "PUT", "/job-templates/{jobTemplateId}", this::createJobTemplate)
                .add("DescribeJobTemplate", "GET", "/job-templates/{jobTemplateId}", this::describeJobTemplate)
                .add("ListJobTemplates", "GET", "/job-templates", this::listJobTemplates)
                .add("DeleteJobTemplate", "DELETE", "/job-templates/{jobTemplateId}", this::deleteJobTemplate);
    }

    private CompletableFuture<?> createJobTemplate(ApiRequest request) {
        JsonInput body = request.body();
        JobRoutes.refuseDocumentSource(body);
        body.refuseUnsupported(TEMPLATE_MEMBERS_NOT_YET_SUPPORTED, "A template here holds a document, presignedUrlConfig, "
                + "jobExecutionsRolloutConfig, abortConfig, timeoutConfig, jobExecutionsRetryConfig, maintenanceWindows and "
                + "fleetjobs.canaryConfig.");
        return templates.create(request.path("jobTemplateId"), body.string("description"), body.string("document"),
                        body.string("jobArn"), body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"),
                        JobConfigInput.parseTemplate(body), WireTags.read(body, "tags"))
                .thenApply(t -> new CreateJobTemplateResponse(arns.jobTemplate(t.jobTemplateId()), t.jobTemplateId()));
    }

    private CompletableFuture<?> describeJobTemplate(ApiRequest request) {
        return templates.describe(request.path("jobTemplateId")).thenApply(this::describe);
    }

    private CompletableFuture<?> listJobTemplates(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return templates.list(query.string("nextToken"), maxResults).thenApply(page -> new ListJobTemplatesResponse(
                page.items().stream().map(this::summary).toList(), page.nextCursor()));
    }

    private CompletableFuture<?> deleteJobTemplate(ApiRequest request) {
        return templates.delete(request.path("jobTemplateId")).thenApply(v -> Map.of());
    }

    private DescribeJobTemplateResponse describe(JobTemplate t) {
        return new DescribeJobTemplateResponse(arns.jobTemplate(t.jobTemplateId()), t.jobTemplateId(), t.description(), t.document(),
                WireTime.fractionalSeconds(t.createdAtMillis()), RunConfigShapes.rollout(t.runConfig()), RunConfigShapes.abort(t.runConfig()),
                ControlPlaneShapes.timeoutConfig(t.inProgressTimeoutMinutes()), RunConfigShapes.retry(t.runConfig()),
                RunConfigShapes.maintenanceWindows(t.runConfig()), RunConfigShapes.presignedUrls(t.runConfig()),
                SafeRolloutShapes.templateMember(t.runConfig()));
    }

    private JobTemplateSummary summary(JobTemplate t) {
        return new JobTemplateSummary(arns.jobTemplate(t.jobTemplateId()), t.jobTemplateId(), t.description(),
                WireTime.fractionalSeconds(t.createdAtMillis()));
    }
}
