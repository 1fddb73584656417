package dev.fleetjobs.server.http;

import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.protocol.controlplane.DescribeEndpointResponse;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * DescribeEndpoint. Every endpoint type is served by this one server, so the answer is the host
 * the request came to: code that discovers its jobs or data endpoint keeps talking to us.
 */
public final class EndpointRoutes implements RouteGroup {

    private static final Set<String> ENDPOINT_TYPES = Set.of("iot:Data", "iot:Data-ATS", "iot:CredentialProvider", "iot:Jobs");
    private static final int ENDPOINT_TYPE_MAX = 128;

    @Override
    public void register(RouteTable table) {
        table.add("DescribeEndpoint", "GET", "/endpoint", this::describeEndpoint);
    }

    private CompletableFuture<?> describeEndpoint(ApiRequest request) {
        String type = request.query().string("endpointType");
        if (type != null) {
            Validator.length("endpointType", type, 0, ENDPOINT_TYPE_MAX);
            if (!ENDPOINT_TYPES.contains(type)) {
                throw Validator.invalid("endpointType", type, "Member must be one of " + ENDPOINT_TYPES);
            }
        }
        return CompletableFuture.completedFuture(new DescribeEndpointResponse(request.header("host")));
    }
}
