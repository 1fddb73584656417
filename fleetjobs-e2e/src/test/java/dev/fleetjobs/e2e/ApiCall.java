package dev.fleetjobs.e2e;

import java.util.Map;

/**
 * One request to an API operation, before signing.
 *
 * @param service  the SigV4 signing name: iot or iot-jobs-data
 * @param pathAndQuery the raw path and query as they go on the wire
 * @param headers  extra headers sent unsigned (x-amzn-principal)
 */
record ApiCall(String operation, String service, String method, String pathAndQuery, String body, Map<String, String> headers) {

    static ApiCall control(String operation, String method, String pathAndQuery, String body) {
        return new ApiCall(operation, "iot", method, pathAndQuery, body, Map.of());
    }

    static ApiCall data(String operation, String method, String pathAndQuery, String body) {
        return new ApiCall(operation, "iot-jobs-data", method, pathAndQuery, body, Map.of());
    }

    ApiCall withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new ApiCall(operation, service, method, pathAndQuery, body, Map.copyOf(more));
    }

    ApiCall withPath(String newPathAndQuery) {
        return new ApiCall(operation, service, method, newPathAndQuery, body, headers);
    }

    ApiCall withMethod(String newMethod, String newOperation) {
        return new ApiCall(newOperation, service, newMethod, pathAndQuery, body, headers);
    }

    ApiCall withBody(String newBody) {
        return new ApiCall(operation, service, method, pathAndQuery, newBody, headers);
    }

    boolean dataPlane() {
        return service.equals("iot-jobs-data");
    }
}
