package dev.fleetjobs.protocol;

/** The two HTTP APIs served on one port, told apart by the SigV4 signing name. */
public enum Plane {
    /** {@code iot-jobs-data}: what devices call. */
    DATA,
    /** {@code iot} (AWS SDKs) or {@code execute-api} (AWS CLI): what operators call. */
    CONTROL;

    /** The plane a SigV4 credential-scope service selects, or null for a service we do not serve. */
    public static Plane forSigningName(String service) {
        return switch (service) {
            case "iot-jobs-data" -> DATA;
            case "iot", "execute-api" -> CONTROL;
            default -> null;
        };
    }
}
