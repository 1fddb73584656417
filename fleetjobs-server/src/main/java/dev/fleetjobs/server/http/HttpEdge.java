package dev.fleetjobs.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.auth.InvalidSignatureException;
import dev.fleetjobs.server.auth.SigV4Verifier;
import dev.fleetjobs.server.auth.SignedRequest;
import dev.fleetjobs.server.auth.VerifiedRequest;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Every HTTP request passes here: the body is read within its limit, the SigV4 signature is
 * verified on the raw request, the signing name selects the plane (never the path alone: both
 * planes have {@code GET /things/{t}/jobs}), the route runs, and the answer or the AWS-shaped
 * error is written.
 */
public final class HttpEdge implements Handler<HttpServerRequest> {

    /** Bodies over the limit are read and dropped up to here, then the connection is closed. */
    private static final long DISCARD_LIMIT_BYTES = 16L * 1024 * 1024;

    private final SigV4Verifier verifier;
    private final Map<Plane, RouteTable> routes;
    private final RateLimiter dataPlaneLimiter;
    private final int maxBodyBytes;
    private volatile boolean draining;

    public HttpEdge(SigV4Verifier verifier, RouteTable dataPlane, RouteTable controlPlane, int dataPlaneRequestsPerSecond,
                    int maxBodyBytes) {
        this.verifier = verifier;
        this.routes = Map.of(Plane.DATA, dataPlane, Plane.CONTROL, controlPlane);
        this.dataPlaneLimiter = new RateLimiter(dataPlaneRequestsPerSecond);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** From now on new requests are refused with 503 while those under way finish. */
    public void startDraining() {
        draining = true;
    }

    @Override
    public void handle(HttpServerRequest request) {
        String requestId = UUID.randomUUID().toString();
        String declaredLength = request.getHeader("Content-Length");
        if (declaredLength != null && isOver(declaredLength, DISCARD_LIMIT_BYTES)) {
            refuseOversizedAndClose(request, requestId);
            return;
        }
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= maxBodyBytes) {
                body.appendBuffer(chunk);
            } else if (received[0] > DISCARD_LIMIT_BYTES) {
                refuseOversizedAndClose(request, requestId);
            }
        });
        request.endHandler(done -> {
            if (received[0] > maxBodyBytes) {
                // Read to the end so that the client, still sending, sees the answer instead of a reset.
                send(request, requestId, oversized());
            } else {
                process(request, body.getBytes(), requestId);
            }
        });
    }

    private void process(HttpServerRequest request, byte[] body, String requestId) {
        Plane plane = Plane.CONTROL;
        try {
            if (draining) {
                send(request, requestId, ErrorResponses.of("ServiceUnavailableException",
                        "The server is shutting down; retry the request.", plane));
                return;
            }
            VerifiedRequest caller = verifier.verify(new SignedRequest(request.method().name(), request.path(), request.query(),
                    headers(request), body));
            plane = Plane.forSigningName(caller.service());
            if (plane == null) {
                throw new InvalidSignatureException("Credential should be scoped to correct service: 'iot' or 'iot-jobs-data'.");
            }
            if (plane == Plane.DATA && !dataPlaneLimiter.tryAcquire()) {
                send(request, requestId, ErrorResponses.of("ThrottlingException", "Rate exceeded", plane));
                return;
            }
            Optional<RouteTable.Match> match = routes.get(plane).find(request.method().name(),
                    RequestPath.decodedSegments(request.path()));
            if (match.isEmpty()) {
                send(request, requestId, ErrorResponses.of("UnknownOperationException",
                        "No " + plane.name().toLowerCase() + "-plane operation matches " + request.method() + " " + request.path(), plane));
                return;
            }
            ApiRequest apiRequest = new ApiRequest(match.get().pathParams(),
                    new QueryInput(RequestPath.queryParams(request.query())), parseBody(body), host(request));
            Plane answeringPlane = plane;
            // Store futures complete on the store's own threads (the single writer among them); answer on the event loop.
            Context context = Vertx.currentContext();
            Executor eventLoop = task -> context.runOnContext(ignored -> task.run());
            invoke(match.get().operation(), apiRequest).whenCompleteAsync((result, failure) -> {
                if (failure != null) {
                    send(request, requestId, ErrorResponses.from(failure, answeringPlane, requestId));
                } else {
                    sendJson(request, requestId, result);
                }
            }, eventLoop);
        } catch (RuntimeException e) {
            send(request, requestId, ErrorResponses.from(e, plane, requestId));
        }
    }

    private static CompletableFuture<?> invoke(Operation operation, ApiRequest request) {
        try {
            return operation.handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static JsonInput parseBody(byte[] body) {
        if (body.length == 0) {
            return JsonInput.empty();
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("Could not parse request body into json: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new InvalidRequestException("Could not read the request body.");
        }
        if (node == null || node.isMissingNode()) {
            return JsonInput.empty();
        }
        if (!node.isObject()) {
            throw new InvalidRequestException("The request body must be a JSON object.");
        }
        return new JsonInput((ObjectNode) node, "");
    }

    private static Map<String, List<String>> headers(HttpServerRequest request) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.headers().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        if (!headers.containsKey("host") && request.authority() != null) {
            // HTTP/2 (also h2c, which the JDK client asks for) carries the host as :authority; it is what was signed as host.
            headers.put("host", List.of(request.authority().toString()));
        }
        return headers;
    }

    /** The Host header (HTTP/1.1) or the :authority (HTTP/2): where the client believes it sent the request. */
    private static String host(HttpServerRequest request) {
        String host = request.getHeader("Host");
        if (host == null && request.authority() != null) {
            host = request.authority().toString();
        }
        return host;
    }

    private static boolean isOver(String declaredLength, long limit) {
        try {
            return Long.parseLong(declaredLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private ErrorResponses.ErrorResponse oversized() {
        return ErrorResponses.of("InvalidRequestException",
                "The request body is larger than the limit of " + maxBodyBytes + " bytes.", Plane.CONTROL);
    }

    private void refuseOversizedAndClose(HttpServerRequest request, String requestId) {
        if (request.response().ended()) {
            return;
        }
        send(request, requestId, oversized());
        request.connection().close();
    }

    private static void sendJson(HttpServerRequest request, String requestId, Object result) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            send(request, requestId, ErrorResponses.from(e, Plane.CONTROL, requestId));
            return;
        }
        write(request.response().setStatusCode(200), requestId, json);
    }

    private static void send(HttpServerRequest request, String requestId, ErrorResponses.ErrorResponse error) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            json = "{\"message\":\"internal error\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        write(request.response().setStatusCode(error.status()).putHeader("x-amzn-ErrorType", error.errorType()), requestId, json);
    }

    private static void write(HttpServerResponse response, String requestId, byte[] json) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-RequestId", requestId)
                .end(Buffer.buffer(json));
    }
}
