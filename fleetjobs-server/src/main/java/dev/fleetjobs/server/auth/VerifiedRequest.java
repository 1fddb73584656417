package dev.fleetjobs.server.auth;

/**
 * Who signed a request and for what: the credential scope of a signature that verified. Route on
 * {@link #service()} ({@code iot-jobs-data} is the data plane; {@code iot} and {@code execute-api}
 * are the control plane).
 */
public record VerifiedRequest(String accessKeyId, String region, String service) {}
