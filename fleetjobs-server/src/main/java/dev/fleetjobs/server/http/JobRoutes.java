package dev.fleetjobs.server.http;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.DescribeJobResponse;
import dev.fleetjobs.protocol.controlplane.GetJobDocumentResponse;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummaryForJob;
import dev.fleetjobs.protocol.controlplane.JobIdentity;
import dev.fleetjobs.protocol.controlplane.ListJobExecutionsForJobResponse;
import dev.fleetjobs.protocol.controlplane.ListJobsResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.JobLifecycleService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.store.JobQuery;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The job operations of the control plane. */
public final class JobRoutes implements RouteGroup {

    /** UpdateJob changes the description, the in-progress timeout and the presigned URLs here, not the rest of the run configuration. */
    private static final List<String> UPDATE_MEMBERS_NOT_YET_SUPPORTED = List.of("jobExecutionsRolloutConfig",
            "abortConfig", "jobExecutionsRetryConfig");

    private final JobService jobs;
    private final JobLifecycleService lifecycle;
    private final Arns arns;
    private final ControlPlaneShapes shapes;

    public JobRoutes(JobService jobs, JobLifecycleService lifecycle, Arns arns) {
        this.jobs = jobs;
        this.lifecycle = lifecycle;
        this.arns = arns;
        this.shapes = new ControlPlaneShapes(arns);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("CreateJob", "PUT", "/jobs/{jobId}", this::createJob)
                .add("DescribeJob", "GET", "/jobs/{jobId}", this::describeJob)
                .add("UpdateJob", "PATCH", "/jobs/{jobId}", this::updateJob)
                .add("DeleteJob", "DELETE", "/jobs/{jobId}", this::deleteJob)
                .add("ListJobs", "GET", "/jobs", this::listJobs)
                .add("GetJobDocument", "GET", "/jobs/{jobId}/job-document", this::getJobDocument)
                .add("CancelJob", "PUT", "/jobs/{jobId}/cancel", this::cancelJob)
                .add("AssociateTargetsWithJob", "POST", "/jobs/{jobId}/targets", this::associateTargets)
                .add("ListJobExecutionsForJob", "GET", "/jobs/{jobId}/things", this::listExecutionsForJob);
    }

    private CompletableFuture<?> createJob(ApiRequest request) {
        CreateJobCommand command = CreateJobInput.command(request.path("jobId"), request.body());
        return jobs.create(command).thenApply(job -> new JobIdentity(arns.job(job.jobId()), job.jobId(), job.description()));
    }

    /** There is no object store here to read an S3 document from. */
    static void refuseDocumentSource(JsonInput body) {
        if (body.has("documentSource")) {
            throw new InvalidRequestException("documentSource is not supported: Fleetjobs has no object store to read the document"
                    + " from. Pass the job document itself in 'document' instead (at most 32768 characters).");
        }
    }

    private CompletableFuture<?> describeJob(ApiRequest request) {
        // The job shape holds no document, so beforeSubstitution changes nothing here; it is still checked.
        request.query().bool("beforeSubstitution");
        return jobs.describe(request.path("jobId")).thenApply(details -> new DescribeJobResponse(shapes.job(details)));
    }

    private CompletableFuture<?> updateJob(ApiRequest request) {
        JsonInput body = request.body();
        refuseNamespace(request.query());
        body.refuseUnsupported(UPDATE_MEMBERS_NOT_YET_SUPPORTED,
                "UpdateJob can change 'description', 'timeoutConfig' and 'presignedUrlConfig' here.");
        return jobs.update(request.path("jobId"), body.string("description"),
                body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"), JobConfigInput.presignedUrlsOf(body))
                .thenApply(v -> Map.of());
    }

    private CompletableFuture<?> deleteJob(ApiRequest request) {
        refuseNamespace(request.query());
        return lifecycle.delete(request.path("jobId"), request.query().bool("force", false)).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> listJobs(ApiRequest request) {
        QueryInput query = request.query();
        refuseNamespace(query);
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        JobQuery filter = new JobQuery(Enums.parse(JobStatus.class, "status", query.string("status")),
                Enums.parse(TargetSelection.class, "targetSelection", query.string("targetSelection")),
                query.string("thingGroupName"), query.string("thingGroupId"));
        return jobs.list(filter, query.string("nextToken"), maxResults).thenApply(page -> new ListJobsResponse(
                page.items().stream().map(shapes::jobSummary).toList(), page.nextCursor()));
    }

    private CompletableFuture<?> getJobDocument(ApiRequest request) {
        return jobs.document(request.path("jobId"), request.query().bool("beforeSubstitution", false))
                .thenApply(GetJobDocumentResponse::new);
    }

    private CompletableFuture<?> cancelJob(ApiRequest request) {
        JsonInput body = request.body();
        return lifecycle.cancel(request.path("jobId"), request.query().bool("force", false), body.string("reasonCode"),
                        body.string("comment"))
                .thenApply(job -> new JobIdentity(arns.job(job.jobId()), job.jobId(), job.description()));
    }

    private CompletableFuture<?> associateTargets(ApiRequest request) {
        JsonInput body = request.body();
        refuseNamespace(request.query());
        return lifecycle.associateTargets(request.path("jobId"), body.stringList("targets"), body.string("comment"))
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

    /** Jobs here have no Greengrass namespace, so a filter or target by namespace cannot be honoured. */
    private static void refuseNamespace(QueryInput query) {
        if (query.string("namespaceId") != null) {
            throw new InvalidRequestException("namespaceId is not supported by this Fleetjobs version: jobs have no namespace here.");
        }
    }
}
