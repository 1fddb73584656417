package dev.fleetjobs.server.http;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.protocol.dataplane.DescribeJobExecutionResponse;
import dev.fleetjobs.protocol.dataplane.GetPendingJobExecutionsResponse;
import dev.fleetjobs.protocol.dataplane.StartNextPendingJobExecutionResponse;
import dev.fleetjobs.protocol.dataplane.UpdateJobExecutionResponse;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.DeviceDocuments;
import dev.fleetjobs.server.service.ExecutionView;
import dev.fleetjobs.server.service.UpdateExecutionCommand;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * The four device operations of the {@code iot-jobs-data} model, bound to HTTP. Job documents are
 * rendered for the address the device used: its {@code Host} on this listener's scheme.
 */
public final class DataPlaneRoutes implements RouteGroup {

    private final DataPlaneService service;
    private final DeviceDocuments documents;
    private final String scheme;

    public DataPlaneRoutes(DataPlaneService service) {
        this(service, DeviceDocuments.AS_STORED, "http");
    }

    /** @param scheme {@code http} or {@code https}, as the listener serving these routes speaks */
    public DataPlaneRoutes(DataPlaneService service, DeviceDocuments documents, String scheme) {
        this.service = service;
        this.documents = documents;
        this.scheme = scheme;
    }

    @Override
    public void register(RouteTable table) {
        table
                .add("GetPendingJobExecutions", "GET", "/things/{thingName}/jobs", this::getPending)
                .add("DescribeJobExecution", "GET", "/things/{thingName}/jobs/{jobId}", this::describe)
                .add("StartNextPendingJobExecution", "PUT", "/things/{thingName}/jobs/$next", this::startNext)
                .add("UpdateJobExecution", "POST", "/things/{thingName}/jobs/{jobId}", this::update);
    }

    private CompletableFuture<?> getPending(ApiRequest request) {
        return service.getPending(request.path("thingName")).thenApply(pending -> new GetPendingJobExecutionsResponse(
                DataPlaneShapes.summaries(pending.inProgress()), DataPlaneShapes.summaries(pending.queued())));
    }

    private CompletableFuture<?> describe(ApiRequest request) {
        Long executionNumber = request.query().longValue("executionNumber");
        boolean includeDocument = request.query().bool("includeJobDocument", true);
        return service.describe(request.path("thingName"), request.path("jobId"),
                        executionNumber == null ? OptionalLong.empty() : OptionalLong.of(executionNumber), includeDocument)
                .thenApply(view -> new DescribeJobExecutionResponse(view.map(v -> execution(v, request)).orElse(null)));
    }

    private CompletableFuture<?> startNext(ApiRequest request) {
        JsonInput body = request.body();
        return service.startNext(request.path("thingName"), body.stringMap("statusDetails"), body.longValue("stepTimeoutInMinutes"))
                .thenApply(view -> new StartNextPendingJobExecutionResponse(view.map(v -> execution(v, request)).orElse(null)));
    }

    private CompletableFuture<?> update(ApiRequest request) {
        JsonInput body = request.body();
        ExecutionStatus status = Enums.executionStatus("status", body.string("status"));
        UpdateExecutionCommand command = new UpdateExecutionCommand(request.path("thingName"), request.path("jobId"), status,
                body.stringMap("statusDetails"), body.longValue("stepTimeoutInMinutes"), body.longValue("expectedVersion"),
                body.longValue("executionNumber"), Boolean.TRUE.equals(body.bool("includeJobExecutionState")),
                Boolean.TRUE.equals(body.bool("includeJobDocument")));
        return service.update(command).thenApply(result -> new UpdateJobExecutionResponse(
                result.state() == null ? null : DataPlaneShapes.state(result.state()), result.documentFor(documents, origin(request))));
    }

    private dev.fleetjobs.protocol.dataplane.JobExecution execution(ExecutionView view, ApiRequest request) {
        return DataPlaneShapes.execution(view, view.documentFor(documents, origin(request)));
    }

    /** Where the device reached us, as DescribeEndpoint answers it: the presigned URLs point there. */
    private String origin(ApiRequest request) {
        return scheme + "://" + request.header("host");
    }
}
