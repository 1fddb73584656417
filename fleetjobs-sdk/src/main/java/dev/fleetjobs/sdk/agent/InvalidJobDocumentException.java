package dev.fleetjobs.sdk.agent;

/** A job document the agent cannot run; the agent answers it with REJECTED and this message as the reason. */
public final class InvalidJobDocumentException extends RuntimeException {

    public InvalidJobDocumentException(String message) {
        super(message);
    }
}
