package dev.fleetjobs.server.http;

import dev.fleetjobs.core.error.ConflictException;
import dev.fleetjobs.core.error.InvalidStateTransitionException;
import dev.fleetjobs.core.error.JobsServiceException;
import dev.fleetjobs.core.error.ResourceAlreadyExistsException;
import dev.fleetjobs.core.error.VersionConflictException;
import dev.fleetjobs.protocol.ErrorBody;
import dev.fleetjobs.protocol.ErrorStatus;
import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.store.StoreConflictException;
import dev.fleetjobs.store.StoreUnavailableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapper from a failure to the AWS error response: status, {@code x-amzn-ErrorType}, body. */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    /** An error response ready to send; {@code body} is an {@link ErrorBody}, or a richer body that starts with its {@code message}. */
    record ErrorResponse(int status, String errorType, Object body) {
    }

    private ErrorResponses() {
    }

    static ErrorResponse of(String errorType, String message, Plane plane) {
        return new ErrorResponse(ErrorStatus.of(plane, errorType), errorType, ErrorBody.of(message));
    }

    static ErrorResponse from(Throwable failure, Plane plane, String requestId) {
        Throwable cause = unwrap(failure);
        if (cause instanceof JobsServiceException e) {
            return new ErrorResponse(ErrorStatus.of(plane, e.errorType()), e.errorType(), body(e));
        }
        if (cause instanceof RefusalWithBody refusal) {
            return new ErrorResponse(ErrorStatus.of(plane, refusal.errorType()), refusal.errorType(), refusal.body());
        }
        if (cause instanceof StoreUnavailableException || cause instanceof StoreConflictException) {
            LOG.warn("Request {} refused as unavailable: {}", requestId, cause.getMessage());
            return of("ServiceUnavailableException", "The service is temporarily unavailable; retry the request.", plane);
        }
        LOG.error("Request {} failed unexpectedly", requestId, cause);
        // The data-plane model has no 500 error shape; its retryable server fault is ServiceUnavailableException.
        return plane == Plane.DATA
                ? of("ServiceUnavailableException", "An internal error occurred; retry the request.", plane)
                : of("InternalFailureException", "An internal error occurred; retry the request.", plane);
    }

    private static ErrorBody body(JobsServiceException e) {
        if (e instanceof ResourceAlreadyExistsException exists) {
            return new ErrorBody(e.getMessage(), exists.resourceId(), exists.resourceArn(), null);
        }
        if (e instanceof ConflictException conflict) {
            return new ErrorBody(e.getMessage(), conflict.resourceId(), null, null);
        }
        if (e instanceof InvalidStateTransitionException transition) {
            return new ErrorBody(e.getMessage(), null, null, transition.current().map(DataPlaneShapes::state).orElse(null));
        }
        if (e instanceof VersionConflictException conflict) {
            return new ErrorBody(e.getMessage(), null, null, conflict.current().map(DataPlaneShapes::state).orElse(null));
        }
        return ErrorBody.of(e.getMessage());
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
