package dev.fleetjobs.protocol;

import java.util.Map;

/**
 * The HTTP status of each AWS error type, from the {@code httpStatusCode} of the error shapes in
 * the two models. They differ by plane in one place: ThrottlingException is 429 on the data
 * plane and 400 on the control plane.
 */
public final class ErrorStatus {

    private ErrorStatus() {
    }

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("InvalidRequestException", 400),
            Map.entry("CertificateValidationException", 400),
            Map.entry("RegistrationCodeValidationException", 400),
            Map.entry("CertificateStateException", 406),
            Map.entry("CertificateConflictException", 409),
            Map.entry("UnauthorizedException", 401),
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("UnknownOperationException", 404),
            Map.entry("ResourceAlreadyExistsException", 409),
            Map.entry("InvalidStateTransitionException", 409),
            Map.entry("VersionConflictException", 409),
            Map.entry("DeleteConflictException", 409),
            Map.entry("ConflictException", 409),
            Map.entry("TerminalStateException", 410),
            Map.entry("LimitExceededException", 410),
            Map.entry("InternalFailureException", 500),
            Map.entry("ServiceUnavailableException", 503),
            Map.entry("MissingAuthenticationTokenException", 403),
            Map.entry("IncompleteSignatureException", 403),
            Map.entry("InvalidSignatureException", 403),
            Map.entry("UnrecognizedClientException", 403),
            Map.entry("AccessDeniedException", 403));

    public static int of(Plane plane, String errorType) {
        if ("ThrottlingException".equals(errorType)) {
            return plane == Plane.DATA ? 429 : 400;
        }
        Integer status = STATUS.get(errorType);
        if (status == null) {
            throw new IllegalArgumentException("No HTTP status known for error type " + errorType);
        }
        return status;
    }
}
