package dev.fleetjobs.core.error;

/** The verification certificate does not carry this account's registration code or was not signed by the CA (HTTP 400). */
public final class RegistrationCodeValidationException extends JobsServiceException {

    public RegistrationCodeValidationException(String message) {
        super(message);
    }
}
