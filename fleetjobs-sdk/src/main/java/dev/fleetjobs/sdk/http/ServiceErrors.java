package dev.fleetjobs.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.protocol.dataplane.JobExecutionState;
import dev.fleetjobs.sdk.models.errors.CertificateValidationException;
import dev.fleetjobs.sdk.models.errors.InvalidRequestException;
import dev.fleetjobs.sdk.models.errors.InvalidStateTransitionException;
import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import dev.fleetjobs.sdk.models.errors.ResourceNotFoundException;
import dev.fleetjobs.sdk.models.errors.ServiceUnavailableException;
import dev.fleetjobs.sdk.models.errors.TerminalStateException;
import dev.fleetjobs.sdk.models.errors.ThrottlingException;
import dev.fleetjobs.sdk.models.errors.VersionConflictException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Turns an error answer into its typed exception the way the AWS SDKs read it: the type from
 * {@code x-amzn-ErrorType} (text before any {@code :}, after any {@code #}), else from the body's
 * {@code __type} or {@code code}; the message from {@code message} or {@code Message}.
 */
public final class ServiceErrors {

    private ServiceErrors() {
    }

    public static JobsServiceException toException(HttpResponse<byte[]> response) {
        String body = response.body() == null ? "" : new String(response.body(), StandardCharsets.UTF_8);
        JsonNode json = parse(body);
        String type = cleanType(response.headers().firstValue("x-amzn-ErrorType")
                .orElseGet(() -> text(json, "__type", text(json, "code", null))));
        int status = response.statusCode();
        if (type == null || type.isEmpty()) {
            type = status == 429 ? "ThrottlingException" : status == 503 ? "ServiceUnavailableException" : "Http" + status;
        }
        String message = text(json, "message", text(json, "Message", body.isEmpty() ? "(no message)" : body));
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse(null);
        return switch (type) {
            case "InvalidRequestException" -> new InvalidRequestException(status, message, requestId, body);
            case "ResourceNotFoundException" -> new ResourceNotFoundException(status, message, requestId, body);
            case "TerminalStateException" -> new TerminalStateException(status, message, requestId, body);
            case "ThrottlingException" -> new ThrottlingException(status, message, requestId, body);
            case "ServiceUnavailableException" -> new ServiceUnavailableException(status, message, requestId, body);
            case "CertificateValidationException" -> new CertificateValidationException(status, message, requestId, body);
            case "InvalidStateTransitionException" ->
                    new InvalidStateTransitionException(status, message, requestId, body, executionState(json));
            case "VersionConflictException" -> new VersionConflictException(status, message, requestId, body, executionState(json));
            default -> new JobsServiceException(status, type, message, requestId, body);
        };
    }

    static String cleanType(String raw) {
        if (raw == null) {
            return null;
        }
        String type = raw;
        int colon = type.indexOf(':');
        if (colon >= 0) {
            type = type.substring(0, colon);
        }
        int hash = type.lastIndexOf('#');
        return type.substring(hash + 1).trim();
    }

    private static JobExecutionState executionState(JsonNode json) {
        JsonNode state = json == null ? null : json.get("executionState");
        if (state == null || !state.isObject()) {
            return null;
        }
        try {
            return JsonCodec.mapper().treeToValue(state, JobExecutionState.class);
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JsonCodec.mapper().readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode value = json == null ? null : json.get(field);
        return value != null && value.isTextual() ? value.asText() : fallback;
    }
}
