package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.DescribeJobResponse;
import dev.fleetjobs.protocol.controlplane.GetJobDocumentResponse;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummaryForJob;
import dev.fleetjobs.protocol.controlplane.JobIdentity;
import dev.fleetjobs.protocol.controlplane.ListJobExecutionsForJobResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.JobService;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The job operations of the control plane. */
public final class JobRoutes implements RouteGroup {

    private static final List<String> JOB_MEMBERS_NOT_YET_SUPPORTED = List.of("documentSource", "presignedUrlConfig",
            "tags", "namespaceId", "jobTemplateArn", "documentParameters", "destinationPackageVersions");

    private final JobService jobs;
    private final Arns arns;
    private final ControlPlaneShapes shapes;

    public JobRoutes(JobService jobs, Arns arns) {
        this.jobs = jobs;
        this.arns = arns;
        this.shapes = new ControlPlaneShapes(arns);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("PUT", "/jobs/{jobId}", this::createJob)
                .add("GET", "/jobs/{jobId}", this::describeJob)
                .add("GET", "/jobs/{jobId}/job-document", this::getJobDocument)
                .add("PUT", "/jobs/{jobId}/cancel", this::cancelJob)
                .add("GET", "/jobs/{jobId}/things", this::listExecutionsForJob);
    }

    private CompletableFuture<?> createJob(ApiRequest request) {
        JsonInput body = request.body();
        body.refuseUnsupported(JOB_MEMBERS_NOT_YET_SUPPORTED, "Pass the document inline in 'document' and targets as thing ARNs.");
        TargetSelection selection = Enums.parse(TargetSelection.class, "targetSelection", body.string("targetSelection"));
        CreateJobCommand command = new CreateJobCommand(request.path("jobId"), body.stringList("targets"), body.string("document"),
                body.string("description"), selection, body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"),
                JobConfigInput.parse(body));
        return jobs.create(command).thenApply(job -> new JobIdentity(arns.job(job.jobId()), job.jobId(), job.description()));
    }

    private CompletableFuture<?> describeJob(ApiRequest request) {
        request.query().bool("beforeSubstitution");
        return jobs.describe(request.path("jobId")).thenApply(details -> new DescribeJobResponse(shapes.job(details)));
    }

    private CompletableFuture<?> getJobDocument(ApiRequest request) {
        request.query().bool("beforeSubstitution");
        return jobs.document(request.path("jobId")).thenApply(GetJobDocumentResponse::new);
    }

    private CompletableFuture<?> cancelJob(ApiRequest request) {
        JsonInput body = request.body();
        return jobs.cancel(request.path("jobId"), request.query().bool("force", false), body.string("reasonCode"), body.string("comment"))
                .thenApply(job -> new JobIdentity(arns.job(job.jobId()), job.jobId(), job.description()));
    }

    private CompletableFuture<?> listExecutionsForJob(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return jobs.executions(request.path("jobId"), query.executionStatus("status"), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListJobExecutionsForJobResponse(page.items().stream()
                        .map(e -> new JobExecutionSummaryForJob(arns.thing(e.thingName()), ControlPlaneShapes.summary(e)))
                        .toList(), page.nextCursor()));
    }
}
