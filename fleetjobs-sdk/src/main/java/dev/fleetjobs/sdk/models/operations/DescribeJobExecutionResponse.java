package dev.fleetjobs.sdk.models.operations;

import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The answer to DescribeJobExecution: HTTP status, the raw response, and the typed body when the answer had one.
 * Errors never arrive here; they are thrown as {@code dev.fleetjobs.sdk.models.errors} exceptions.
 */
public record DescribeJobExecutionResponse(
        String contentType,
        int statusCode,
        HttpResponse<byte[]> rawResponse,
        Optional<dev.fleetjobs.protocol.dataplane.DescribeJobExecutionResponse> describeJobExecutionResponse) {
}
