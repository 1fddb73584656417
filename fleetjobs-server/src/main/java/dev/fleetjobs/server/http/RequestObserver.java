package dev.fleetjobs.server.http;

/**
 * What the HTTP edge reports of every answered request; the metrics and the request log listen
 * here. The edge resolves one {@link Series} per plane and operation when it is built, so that a
 * request only calls {@link Series#answered} with values it already has.
 */
public interface RequestObserver {

    /** Plane label of requests taken over by the S3 front. */
    String S3_PLANE = "s3";
    /** Operation label of requests that match no route: never the raw path, so the labels stay few. */
    String UNKNOWN_OPERATION = "unknown";

    /** The requests of one plane and operation. */
    interface Series {

        /**
         * @param principal  the access key id or thing name, {@code "-"} when the caller was not identified
         * @param errorType  the AWS error type of an error answer, null on success
         */
        void answered(String requestId, String principal, int status, String errorType, long nanos);
    }

    Series series(String plane, String operation);

    /** Observes nothing. */
    RequestObserver NONE = (plane, operation) -> (requestId, principal, status, errorType, nanos) -> {
    };
}
