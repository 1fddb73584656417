package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.CreateThingResponse;
import dev.fleetjobs.protocol.controlplane.DescribeJobExecutionResponse;
import dev.fleetjobs.protocol.controlplane.DescribeJobResponse;
import dev.fleetjobs.protocol.controlplane.GetJobDocumentResponse;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummaryForJob;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummaryForThing;
import dev.fleetjobs.protocol.controlplane.JobIdentity;
import dev.fleetjobs.protocol.controlplane.ListJobExecutionsForJobResponse;
import dev.fleetjobs.protocol.controlplane.ListJobExecutionsForThingResponse;
import dev.fleetjobs.protocol.controlplane.ListThingsResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CreateJobCommand;
import dev.fleetjobs.server.service.ExecutionAdminService;
import dev.fleetjobs.server.service.JobService;
import dev.fleetjobs.server.service.ThingService;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** The control-plane operations of the {@code iot} model that Fleetjobs serves so far, bound to HTTP. */
public final class ControlPlaneRoutes {

    private static final int DEFAULT_MAX_RESULTS = 50;
    private static final List<String> JOB_MEMBERS_NOT_YET_SUPPORTED = List.of("documentSource", "presignedUrlConfig",
            "jobExecutionsRolloutConfig", "abortConfig", "tags", "namespaceId", "jobTemplateArn", "jobExecutionsRetryConfig",
            "documentParameters", "schedulingConfig", "destinationPackageVersions");

    private final ThingService things;
    private final JobService jobs;
    private final ExecutionAdminService executions;
    private final Arns arns;
    private final ControlPlaneShapes shapes;

    public ControlPlaneRoutes(ThingService things, JobService jobs, ExecutionAdminService executions, Arns arns) {
        this.things = things;
        this.jobs = jobs;
        this.executions = executions;
        this.arns = arns;
        this.shapes = new ControlPlaneShapes(arns);
    }

    public RouteTable table() {
        return new RouteTable()
                .add("POST", "/things/{thingName}", this::createThing)
                .add("GET", "/things/{thingName}", this::describeThing)
                .add("GET", "/things", this::listThings)
                .add("DELETE", "/things/{thingName}", this::deleteThing)
                .add("PUT", "/jobs/{jobId}", this::createJob)
                .add("GET", "/jobs/{jobId}", this::describeJob)
                .add("GET", "/jobs/{jobId}/job-document", this::getJobDocument)
                .add("PUT", "/jobs/{jobId}/cancel", this::cancelJob)
                .add("GET", "/jobs/{jobId}/things", this::listExecutionsForJob)
                .add("GET", "/things/{thingName}/jobs", this::listExecutionsForThing)
                .add("GET", "/things/{thingName}/jobs/{jobId}", this::describeExecution)
                .add("PUT", "/things/{thingName}/jobs/{jobId}/cancel", this::cancelExecution)
                .add("DELETE", "/things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}", this::deleteExecution);
    }

    private CompletableFuture<?> createThing(ApiRequest request) {
        JsonInput body = request.body();
        Map<String, String> attributes = body.object("attributePayload").stringMap("attributes");
        return things.create(request.path("thingName"), attributes, body.string("thingTypeName"), body.string("billingGroupName"))
                .thenApply(t -> new CreateThingResponse(t.thingName(), arns.thing(t.thingName()), t.thingId()));
    }

    private CompletableFuture<?> describeThing(ApiRequest request) {
        return things.describe(request.path("thingName")).thenApply(shapes::describeThing);
    }

    private CompletableFuture<?> listThings(ApiRequest request) {
        QueryInput query = request.query();
        if (query.string("attributeName") != null || query.string("attributeValue") != null) {
            throw Validator.invalid("attributeName", query.string("attributeName"),
                    "Filtering things by attribute is not supported by this Fleetjobs version yet");
        }
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), DEFAULT_MAX_RESULTS);
        if (query.string("thingTypeName") != null) {
            // No thing has a type here, so the filter matches nothing.
            Validator.thingName("thingTypeName", query.string("thingTypeName"));
            return CompletableFuture.completedFuture(new ListThingsResponse(List.of(), null));
        }
        return things.list(query.string("nextToken"), maxResults).thenApply(page -> new ListThingsResponse(
                page.items().stream().map(shapes::thingAttribute).toList(), page.nextCursor()));
    }

    private CompletableFuture<?> deleteThing(ApiRequest request) {
        return things.delete(request.path("thingName"), request.query().longValue("expectedVersion")).thenApply(v -> Map.of());
    }

    private CompletableFuture<?> createJob(ApiRequest request) {
        JsonInput body = request.body();
        body.refuseUnsupported(JOB_MEMBERS_NOT_YET_SUPPORTED, "Pass the document inline in 'document' and targets as thing ARNs.");
        TargetSelection selection = Enums.parse(TargetSelection.class, "targetSelection", body.string("targetSelection"));
        CreateJobCommand command = new CreateJobCommand(request.path("jobId"), body.stringList("targets"), body.string("document"),
                body.string("description"), selection, body.object("timeoutConfig").longValue("inProgressTimeoutInMinutes"));
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
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), DEFAULT_MAX_RESULTS);
        return jobs.executions(request.path("jobId"), query.executionStatus("status"), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListJobExecutionsForJobResponse(page.items().stream()
                        .map(e -> new JobExecutionSummaryForJob(arns.thing(e.thingName()), ControlPlaneShapes.summary(e)))
                        .toList(), page.nextCursor()));
    }

    private CompletableFuture<?> listExecutionsForThing(ApiRequest request) {
        QueryInput query = request.query();
        if (query.string("jobId") != null) {
            throw Validator.invalid("jobId", query.string("jobId"),
                    "Filtering a thing's executions by job is not supported by this Fleetjobs version yet; use DescribeJobExecution");
        }
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), DEFAULT_MAX_RESULTS);
        return executions.listForThing(request.path("thingName"), query.executionStatus("status"), query.string("nextToken"), maxResults)
                .thenApply(page -> new ListJobExecutionsForThingResponse(page.items().stream()
                        .map(e -> new JobExecutionSummaryForThing(e.jobId(), ControlPlaneShapes.summary(e)))
                        .toList(), page.nextCursor()));
    }

    private CompletableFuture<?> describeExecution(ApiRequest request) {
        Long number = request.query().longValue("executionNumber");
        return executions.describe(request.path("thingName"), request.path("jobId"),
                        number == null ? OptionalLong.empty() : OptionalLong.of(number))
                .thenApply(e -> new DescribeJobExecutionResponse(shapes.execution(e)));
    }

    private CompletableFuture<?> cancelExecution(ApiRequest request) {
        JsonInput body = request.body();
        return executions.cancel(request.path("thingName"), request.path("jobId"), request.query().bool("force", false),
                body.longValue("expectedVersion"), body.stringMap("statusDetails")).thenApply(e -> Map.of());
    }

    private CompletableFuture<?> deleteExecution(ApiRequest request) {
        String numberText = request.path("executionNumber");
        long number;
        try {
            number = Long.parseLong(numberText);
        } catch (NumberFormatException e) {
            throw Validator.invalid("executionNumber", numberText, "Member must be an integer (long)");
        }
        return executions.delete(request.path("thingName"), request.path("jobId"), number, request.query().bool("force", false))
                .thenApply(v -> Map.of());
    }
}
