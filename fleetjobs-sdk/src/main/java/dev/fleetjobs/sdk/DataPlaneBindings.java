package dev.fleetjobs.sdk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.sdk.auth.PercentEncoding;
import dev.fleetjobs.sdk.http.JsonCodec;
import dev.fleetjobs.sdk.http.WireRequest;
import dev.fleetjobs.sdk.models.operations.DescribeJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.GetPendingJobExecutionsRequest;
import dev.fleetjobs.sdk.models.operations.OperationRequest;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequest;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP bindings of the {@code iot-jobs-data} model: labels percent-encoded with only unreserved
 * characters kept (so a {@code $next} job id goes out as {@code %24next}), the literal {@code $next}
 * of StartNext sent as it is, body members in model order.
 */
final class DataPlaneBindings {

    private static final String JSON = "application/json";

    private DataPlaneBindings() {
    }

    static WireRequest describe(DescribeJobExecutionRequest request) {
        List<String> query = new ArrayList<>();
        request.includeJobDocument().ifPresent(value -> query.add("includeJobDocument=" + value));
        request.executionNumber().ifPresent(value -> query.add("executionNumber=" + value));
        return wire("GET", thingPath(request.thingName()) + "/" + PercentEncoding.encode(request.jobId()), String.join("&", query), request,
                null);
    }

    static WireRequest getPending(GetPendingJobExecutionsRequest request) {
        return wire("GET", thingPath(request.thingName()), "", request, null);
    }

    static WireRequest startNext(StartNextPendingJobExecutionRequest request) {
        ObjectNode body = JsonCodec.mapper().createObjectNode();
        request.requestBody().ifPresent(b -> {
            b.statusDetails().ifPresent(details -> body.set("statusDetails", JsonCodec.mapper().valueToTree(details)));
            b.stepTimeoutInMinutes().ifPresent(minutes -> body.put("stepTimeoutInMinutes", minutes));
        });
        return wire("PUT", thingPath(request.thingName()) + "/$next", "", request, body);
    }

    static WireRequest update(UpdateJobExecutionRequest request) {
        UpdateJobExecutionRequestBody b = request.requestBody();
        ObjectNode body = JsonCodec.mapper().createObjectNode();
        body.put("status", b.status().name());
        b.statusDetails().ifPresent(details -> body.set("statusDetails", JsonCodec.mapper().valueToTree(details)));
        b.stepTimeoutInMinutes().ifPresent(value -> body.put("stepTimeoutInMinutes", value));
        b.expectedVersion().ifPresent(value -> body.put("expectedVersion", value));
        b.includeJobExecutionState().ifPresent(value -> body.put("includeJobExecutionState", value));
        b.includeJobDocument().ifPresent(value -> body.put("includeJobDocument", value));
        b.executionNumber().ifPresent(value -> body.put("executionNumber", value));
        return wire("POST", thingPath(request.thingName()) + "/" + PercentEncoding.encode(request.jobId()), "", request, body);
    }

    private static String thingPath(String thingName) {
        return "/things/" + PercentEncoding.encode(thingName) + "/jobs";
    }

    private static WireRequest wire(String method, String path, String query, OperationRequest request, ObjectNode body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Optional.ofNullable(body).ifPresent(b -> headers.put("Content-Type", List.of(JSON)));
        request.amzHeaders().toHeaders().forEach((name, value) -> headers.put(name, List.of(value)));
        return new WireRequest(method, path, query, headers, body == null ? null : JsonCodec.write(body));
    }
}
