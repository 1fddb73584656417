package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.DescribeJobExecutionResponse;
import dev.fleetjobs.protocol.controlplane.JobExecutionSummaryForThing;
import dev.fleetjobs.protocol.controlplane.ListJobExecutionsForThingResponse;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.ExecutionAdminService;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/** The operations on single job executions of the control plane. */
public final class ExecutionRoutes implements RouteGroup {

    private final ExecutionAdminService executions;
    private final ControlPlaneShapes shapes;

    public ExecutionRoutes(ExecutionAdminService executions, Arns arns) {
        this.executions = executions;
        this.shapes = new ControlPlaneShapes(arns);
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("ListJobExecutionsForThing", "GET", "/things/{thingName}/jobs", this::listExecutionsForThing)
                .add("DescribeJobExecution", "GET", "/things/{thingName}/jobs/{jobId}", this::describeExecution)
                .add("CancelJobExecution", "PUT", "/things/{thingName}/jobs/{jobId}/cancel", this::cancelExecution)
                .add("DeleteJobExecution", "DELETE", "/things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}", this::deleteExecution);
    }

    private CompletableFuture<?> listExecutionsForThing(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), ControlPlaneShapes.DEFAULT_MAX_RESULTS);
        return executions.listForThing(request.path("thingName"), query.executionStatus("status"), query.string("jobId"),
                        query.string("nextToken"), maxResults)
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
