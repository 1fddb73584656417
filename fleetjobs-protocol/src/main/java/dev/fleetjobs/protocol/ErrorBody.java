package dev.fleetjobs.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response: {@code message}, plus the members some error shapes model
 * ({@code resourceId}/{@code resourceArn} of ResourceAlreadyExistsException) and the current
 * {@code executionState} of a refused execution update.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String message, String resourceId, String resourceArn, Object executionState) {

    public static ErrorBody of(String message) {
        return new ErrorBody(message, null, null, null);
    }
}
