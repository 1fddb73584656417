package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.error.ResourceNotFoundException;
import dev.fleetjobs.core.error.TerminalStateException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.protocol.mqtt.Rejected;
import dev.fleetjobs.server.http.DataPlaneShapes;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapper from a failure to the MQTT {@code /rejected} payload (spec 3.4), as ErrorResponses is for HTTP. */
final class RejectedCodes {

    static final String INVALID_TOPIC = "InvalidTopic";
    static final String INVALID_JSON = "InvalidJson";
    static final String INVALID_REQUEST = "InvalidRequest";
    static final String INVALID_STATE_TRANSITION = "InvalidStateTransition";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    static final String VERSION_MISMATCH = "VersionMismatch";
    static final String INTERNAL_ERROR = "InternalError";
    static final String REQUEST_THROTTLED = "RequestThrottled";
    static final String TERMINAL_STATE_REACHED = "TerminalStateReached";

    private static final Logger LOG = LoggerFactory.getLogger(RejectedCodes.class);

    private RejectedCodes() {
    }

    static Rejected of(String code, String message, String clientToken, long timestamp) {
        return new Rejected(code, message, clientToken, timestamp, null);
    }

    static Rejected from(Throwable failure, String clientToken, long timestamp, String topic) {
        Throwable cause = unwrap(failure);
        if (cause instanceof InvalidStateTransitionException e) {
            return new Rejected(INVALID_STATE_TRANSITION, e.getMessage(), clientToken, timestamp,
                    e.current().map(DataPlaneShapes::state).orElse(null));
        }
        if (cause instanceof VersionConflictException e) {
            return new Rejected(VERSION_MISMATCH, e.getMessage(), clientToken, timestamp,
                    e.current().map(DataPlaneShapes::state).orElse(null));
        }
        if (cause instanceof InvalidRequestException) {
            return of(INVALID_REQUEST, cause.getMessage(), clientToken, timestamp);
        }
        if (cause instanceof ResourceNotFoundException) {
            return of(RESOURCE_NOT_FOUND, cause.getMessage(), clientToken, timestamp);
        }
        if (cause instanceof TerminalStateException) {
            return of(TERMINAL_STATE_REACHED, cause.getMessage(), clientToken, timestamp);
        }
        if (cause instanceof JobsServiceException) {
            // The data-plane operations throw nothing else; should a new rule do so, it is still the client's input.
            return of(INVALID_REQUEST, cause.getMessage(), clientToken, timestamp);
        }
        if (cause instanceof StoreUnavailableException || cause instanceof StoreConflictException) {
            LOG.warn("MQTT request on {} refused as unavailable: {}", topic, cause.getMessage());
            return of(INTERNAL_ERROR, "The service is temporarily unavailable; retry the request.", clientToken, timestamp);
        }
        LOG.error("MQTT request on {} failed unexpectedly", topic, cause);
        return of(INTERNAL_ERROR, "An internal error occurred; retry the request.", clientToken, timestamp);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
