package dev.fleetjobs.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.core.error.InvalidRequestException;
import dev.fleetjobs.protocol.Plane;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Every HTTP request passes here: the body is read within its limit, the listener's {@link Gate}
 * authenticates the caller on the raw request and names the plane (the SigV4 signing name on the
 * main listener, never the path alone: both planes have {@code GET /things/{t}/jobs}), the path
 * labels are checked, the gate authorizes the caller for them, the route runs, and the answer or
 * the AWS-shaped error is written. A refused request reaches no operation, so it changes nothing.
 */
public final class HttpEdge implements Handler<HttpServerRequest> {

    /** Bodies over the limit are read and dropped up to here, then the connection is closed. */
    private static final long DISCARD_LIMIT_BYTES = 16L * 1024 * 1024;

    private final Gate gate;
    private final Map<Plane, RouteTable> routes;
    private final RateLimiter dataPlaneLimiter;
    private final int maxBodyBytes;
    private final PathFront front;
    private volatile boolean draining;
    private volatile Takeover takeover;
    private RequestObserver observer = RequestObserver.NONE;
    private Map<Plane, Map<String, RequestObserver.Series>> series = Map.of();
    private Map<Plane, RequestObserver.Series> unknown = Map.of();
    private Map<String, RequestObserver.Series> s3 = Map.of();

    /** A plane that reads request bodies itself (the S3 front streams uploads), offered each request before the edge reads it. */
    public interface Takeover {

        /** Takes the request over and answers it, or returns false, leaving the request untouched, for the edge. */
        boolean takeOver(HttpServerRequest request);
    }

    public HttpEdge(Gate gate, RouteTable dataPlane, RouteTable controlPlane, int dataPlaneRequestsPerSecond,
                    int maxBodyBytes) {
        this(gate, dataPlane, controlPlane, dataPlaneRequestsPerSecond, maxBodyBytes, null);
    }

    /** @param front  served beside the API under paths of its own (the console); null for none */
    public HttpEdge(Gate gate, RouteTable dataPlane, RouteTable controlPlane, int dataPlaneRequestsPerSecond,
                    int maxBodyBytes, PathFront front) {
        this.gate = gate;
        this.routes = Map.of(Plane.DATA, dataPlane, Plane.CONTROL, controlPlane);
        this.dataPlaneLimiter = new RateLimiter(dataPlaneRequestsPerSecond);
        this.maxBodyBytes = maxBodyBytes;
        this.front = front;
    }

    /** How many operations this edge routes on the plane. */
    public int routeCount(Plane plane) {
        return routes.get(plane).size();
    }

    /** The operation names this edge routes on the plane (metrics and the request log use them). */
    public java.util.List<String> operationNames(Plane plane) {
        return routes.get(plane).names();
    }

    /** Offers every request to {@code plane} first (while not draining). */
    public HttpEdge takeOverWith(Takeover plane) {
        this.takeover = plane;
        return this;
    }

    /**
     * Reports every answered request to {@code observer}; its series are resolved here, once per
     * plane and operation. Call before the listener starts.
     */
    public HttpEdge observedBy(RequestObserver requests) {
        Map<Plane, Map<String, RequestObserver.Series>> byPlane = new java.util.EnumMap<>(Plane.class);
        Map<Plane, RequestObserver.Series> unmatched = new java.util.EnumMap<>(Plane.class);
        routes.forEach((plane, table) -> {
            String label = planeLabel(plane);
            Map<String, RequestObserver.Series> named = new HashMap<>();
            table.names().forEach(name -> named.computeIfAbsent(name, n -> requests.series(label, n)));
            byPlane.put(plane, Map.copyOf(named));
            unmatched.put(plane, requests.series(label, RequestObserver.UNKNOWN_OPERATION));
        });
        Map<String, RequestObserver.Series> s3Methods = new HashMap<>();
        for (String method : new String[] {"GET", "HEAD", "PUT", "POST", "DELETE"}) {
            s3Methods.put(method, requests.series(RequestObserver.S3_PLANE, "S3." + method));
        }
        s3Methods.put("", requests.series(RequestObserver.S3_PLANE, RequestObserver.UNKNOWN_OPERATION));
        this.series = byPlane;
        this.unknown = unmatched;
        this.s3 = Map.copyOf(s3Methods);
        this.observer = requests;
        return this;
    }

    private static String planeLabel(Plane plane) {
        return plane == Plane.DATA ? "data" : "control";
    }

    /** From now on new requests are refused with 503 while those under way finish. */
    public void startDraining() {
        draining = true;
    }

    @Override
    public void handle(HttpServerRequest request) {
        RequestTrace trace = trace(request);
        Takeover plane = takeover;
        if (plane != null && !draining) {
            if (trace != null) {
                // Set before the front runs: it may answer at once.
                trace.series = s3.getOrDefault(request.method().name(), s3.get(""));
            }
            if (plane.takeOver(request)) {
                return;
            }
            if (trace != null) {
                trace.series = unknown.get(gate.fallbackPlane());
            }
        }
        String requestId = RequestIds.next();
        if (trace != null) {
            trace.requestId = requestId;
        }
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
            Optional<String> brokenFraming = FramingGuard.brokenFraming(request);
            if (brokenFraming.isPresent()) {
                send(request, requestId, ErrorResponses.of("InvalidRequestException", brokenFraming.get(), gate.fallbackPlane()));
                request.connection().close();
            } else if (received[0] > maxBodyBytes) {
                // Read to the end so that the client, still sending, sees the answer instead of a reset.
                send(request, requestId, oversized());
            } else {
                process(request, body.getBytes(), requestId, trace);
            }
        });
    }

    /** Null when nobody observes: then a request costs nothing more. */
    private RequestTrace trace(HttpServerRequest request) {
        return observer == RequestObserver.NONE ? null : new RequestTrace(request, unknown.get(gate.fallbackPlane()));
    }

    private void process(HttpServerRequest request, byte[] body, String requestId, RequestTrace trace) {
        Plane plane = gate.fallbackPlane();
        try {
            if (draining) {
                send(request, requestId, ErrorResponses.of("ServiceUnavailableException",
                        "The server is shutting down; retry the request.", plane));
                return;
            }
            if (front != null && front.claims(request.path())) {
                front.handle(request, body, requestId, trace == null ? frontEdge : frontEdge(trace));
                return;
            }
            Gate.Admission admission = gate.admit(request, body);
            plane = admission.plane();
            if (plane == Plane.DATA && !dataPlaneLimiter.tryAcquire()) {
                send(request, requestId, ErrorResponses.of("ThrottlingException", "Rate exceeded", plane));
                return;
            }
            route(request, requestId, body, admission, request.path(), false, trace);
        } catch (RuntimeException e) {
            send(request, requestId, ErrorResponses.from(e, plane, requestId));
        }
    }

    private final PathFront.Edge frontEdge = frontEdge(null);

    private PathFront.Edge frontEdge(RequestTrace trace) {
        return new PathFront.Edge() {
        @Override
        public void route(HttpServerRequest request, String requestId, byte[] body, Gate.Admission admission, String rawPath) {
            try {
                HttpEdge.this.route(request, requestId, body, admission, rawPath, true, trace);
            } catch (RuntimeException e) {
                send(request, requestId, ErrorResponses.from(e, admission.plane(), requestId));
            }
        }

        @Override
        public void answer(HttpServerRequest request, String requestId, Object result) {
            sendJson(request, requestId, result);
        }

        @Override
        public void fail(HttpServerRequest request, String requestId, Throwable failure) {
            send(request, requestId, ErrorResponses.from(failure, Plane.CONTROL, requestId));
        }
        };
    }

    /**
     * Finds the admitted request's operation on {@code rawPath}, checks its labels, authorizes, runs it and answers.
     *
     * @param conditional  answer with an {@code ETag}, and 304 to a GET whose {@code If-None-Match} names it
     */
    private void route(HttpServerRequest request, String requestId, byte[] body, Gate.Admission admission, String rawPath,
                       boolean conditional, RequestTrace trace) {
        Plane plane = admission.plane();
        Optional<RouteTable.Match> match = routes.get(plane).find(request.method().name(),
                RequestPath.decodedSegments(rawPath));
        if (trace != null) {
            trace.principal = admission.principal();
            trace.series = match.isEmpty() ? unknown.get(plane) : series.get(plane).get(match.get().name());
        }
        if (match.isEmpty()) {
            send(request, requestId, ErrorResponses.of("UnknownOperationException",
                    "No " + plane.name().toLowerCase() + "-plane operation matches " + request.method() + " " + request.path(), plane));
            return;
        }
        PathLabels.validate(match.get().pathParams());
        ApiRequest apiRequest = new ApiRequest(match.get().pathParams(),
                new QueryInput(RequestPath.queryParams(request.query())), parseBody(body), headerValues(request));
        Plane answeringPlane = plane;
        // Store futures complete on the store's own threads (the single writer among them); answer on the event loop.
        Context context = Vertx.currentContext();
        Executor eventLoop = task -> context.runOnContext(ignored -> task.run());
        admission.authorize(match.get().pathParams())
                .thenCompose(allowed -> invoke(match.get().operation(), apiRequest))
                .whenCompleteAsync((result, failure) -> {
                    if (trace != null) {
                        // A certificate names its thing only once authorized.
                        trace.principal = admission.principal();
                    }
                    if (failure != null) {
                        send(request, requestId, ErrorResponses.from(failure, answeringPlane, requestId));
                    } else if (conditional) {
                        ConditionalAnswer.send(request, requestId, result);
                    } else {
                        sendJson(request, requestId, result);
                    }
                }, eventLoop);
    }

    /**
     * Answers a request the HTTP decoder could not read (request line or headers over their
     * limits, malformed syntax) in the AWS error shape, then closes the connection.
     */
    public void refuseUnreadable(HttpServerRequest request) {
        String requestId = RequestIds.next();
        Throwable cause = request.decoderResult() == null ? null : request.decoderResult().cause();
        String message = FramingGuard.unreadable(cause);
        send(request, requestId, ErrorResponses.of("InvalidRequestException", message, gate.fallbackPlane()));
        request.connection().close();
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

    private static Map<String, String> headerValues(HttpServerRequest request) {
        Map<String, String> values = new HashMap<>();
        request.headers().forEach(entry -> values.putIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue()));
        return values;
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

    static void sendJson(HttpServerRequest request, String requestId, Object result) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            send(request, requestId, ErrorResponses.from(e, Plane.CONTROL, requestId));
            return;
        }
        write(request.response().setStatusCode(200), requestId, json);
    }

    static void send(HttpServerRequest request, String requestId, ErrorResponses.ErrorResponse error) {
        byte[] json;
        try {
            json = Json.MAPPER.writeValueAsBytes(error.body());
        } catch (JsonProcessingException e) {
            json = "{\"message\":\"internal error\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        write(request.response().setStatusCode(error.status()).putHeader("x-amzn-ErrorType", error.errorType()), requestId, json);
    }

    static void write(HttpServerResponse response, String requestId, byte[] json) {
        if (response.ended() || response.closed()) {
            return;
        }
        response.putHeader("Content-Type", "application/json")
                .putHeader("x-amzn-RequestId", requestId)
                .end(Buffer.buffer(json));
    }
}
