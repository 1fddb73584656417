package dev.fleetjobs.server.mqtt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.protocol.mqtt.Rejected;
import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.protocol.mqtt.ExecutionAccepted;
import dev.fleetjobs.protocol.mqtt.JobsTopic;
import dev.fleetjobs.protocol.mqtt.PendingJobsAccepted;
import dev.fleetjobs.protocol.mqtt.UpdateAccepted;
import dev.fleetjobs.server.http.DataPlaneShapes;
import dev.fleetjobs.server.http.Enums;
import dev.fleetjobs.server.http.Json;
import dev.fleetjobs.server.http.JsonInput;
import dev.fleetjobs.server.http.RateLimiter;
import dev.fleetjobs.core.model.PresignedUrlConfig;
import dev.fleetjobs.protocol.mqtt.MqttJobExecution;
import dev.fleetjobs.server.service.DataPlaneService;
import dev.fleetjobs.server.service.ExecutionView;
import dev.fleetjobs.server.service.UpdateExecutionCommand;
import java.io.IOException;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The jobs request topics (spec 3.1-3.4) over {@link DataPlaneService}, the same rules the HTTP
 * data plane runs. It knows nothing of the broker: it turns a request topic and payload into the
 * one reply for the requester, {@code /accepted} or {@code /rejected}.
 */
final class MqttJobsApi {

    /** The service model's ClientRequestToken length. */
    static final int MAX_CLIENT_TOKEN_LENGTH = 64;

    private final DataPlaneService service;
    private final Clock clock;
    private final RateLimiter limiter;
    private final Executor replyExecutor;
    private final LongAdder served = new LongAdder();
    private final Function<ExecutionView, String> documents;
    private final BiFunction<String, PresignedUrlConfig, String> updateDocuments;
    private final MqttRequestObserver observer;

    /**
     * @param replyExecutor  builds replies, so that the store's writer thread never does
     * @param documents      the job document of a view as devices receive it
     * @param updateDocuments the same for the document of an update's answer and its job's presigned URL configuration
     */
    MqttJobsApi(DataPlaneService service, Clock clock, int requestsPerSecond, Executor replyExecutor,
                Function<ExecutionView, String> documents, BiFunction<String, PresignedUrlConfig, String> updateDocuments,
                MqttRequestObserver observer) {
        this.observer = observer;
        this.service = service;
        this.clock = clock;
        this.limiter = new RateLimiter(requestsPerSecond);
        this.replyExecutor = replyExecutor;
        this.documents = documents;
        this.updateDocuments = updateDocuments;
    }

    /** Never fails: every outcome, errors included, is a reply. */
    CompletableFuture<MqttReply> handle(JobsTopic topic, byte[] payload) {
        if (observer == MqttRequestObserver.NONE) {
            return answer(topic, payload);
        }
        long started = System.nanoTime();
        return answer(topic, payload).thenApply(reply -> {
            observer.answered(topic.thingName(), operationName(topic), reply.rejectedCode(), System.nanoTime() - started);
            return reply;
        });
    }

    /** The AWS name of the topic's operation. */
    static String operationName(JobsTopic topic) {
        if (topic.operation() == null) {
            return "unknown";
        }
        return switch (topic.operation()) {
            case GET_PENDING_JOB_EXECUTIONS -> "GetPendingJobExecutions";
            case START_NEXT_PENDING_JOB_EXECUTION -> "StartNextPendingJobExecution";
            case DESCRIBE_JOB_EXECUTION -> "DescribeJobExecution";
            case UPDATE_JOB_EXECUTION -> "UpdateJobExecution";
        };
    }

    private CompletableFuture<MqttReply> answer(JobsTopic topic, byte[] payload) {
        served.increment();
        ObjectNode body;
        try {
            body = parse(payload);
        } catch (IOException e) {
            return done(reject(topic, RejectedCodes.of(RejectedCodes.INVALID_JSON,
                    "The payload is not a UTF-8 JSON object: " + message(e), null, now())));
        }
        String clientToken = clientToken(body);
        if (clientToken != null && clientToken.length() > MAX_CLIENT_TOKEN_LENGTH) {
            return done(reject(topic, RejectedCodes.of(RejectedCodes.INVALID_REQUEST,
                    "clientToken must be at most " + MAX_CLIENT_TOKEN_LENGTH + " characters long.", null, now())));
        }
        if (topic.operation() == null) {
            return done(reject(topic, RejectedCodes.of(RejectedCodes.INVALID_TOPIC,
                    "The topic " + topic.topic() + " names no jobs operation.", clientToken, now())));
        }
        if (!limiter.tryAcquire()) {
            return done(reject(topic, RejectedCodes.of(RejectedCodes.REQUEST_THROTTLED, "Rate exceeded", clientToken, now())));
        }
        CompletableFuture<?> accepted;
        try {
            accepted = invoke(topic, JsonInput.lenient(body), clientToken);
        } catch (RuntimeException e) {
            accepted = CompletableFuture.failedFuture(e);
        }
        return accepted.handleAsync((answer, failure) -> failure == null
                ? new MqttReply(topic.accepted(), MqttJson.write(answer))
                : reject(topic, RejectedCodes.from(failure, clientToken, now(), topic.topic())), replyExecutor);
    }

    /**
     * The refusal of a retained publish on a jobs topic: never run and never stored, answered with
     * InvalidRequest so that an MQTT 3.1.1 client, which gets no PUBACK reason, learns it too.
     */
    MqttReply refuseRetained(JobsTopic topic, byte[] payload) {
        String clientToken;
        try {
            clientToken = clientToken(parse(payload));
        } catch (IOException e) {
            clientToken = null;
        }
        if (clientToken != null && clientToken.length() > MAX_CLIENT_TOKEN_LENGTH) {
            clientToken = null;
        }
        return reject(topic, RejectedCodes.of(RejectedCodes.INVALID_REQUEST,
                "Retained messages are not accepted on jobs topics; publish the request without the RETAIN flag.", clientToken, now()));
    }

    /** Requests this node has answered, accepted or rejected. */
    long served() {
        return served.sum();
    }

    private CompletableFuture<?> invoke(JobsTopic topic, JsonInput body, String token) {
        String thing = topic.thingName();
        return switch (topic.operation()) {
            case GET_PENDING_JOB_EXECUTIONS -> service.getPending(thing).thenApply(pending -> new PendingJobsAccepted(token, now(),
                    DataPlaneShapes.summaries(pending.inProgress()), DataPlaneShapes.summaries(pending.queued())));
            case START_NEXT_PENDING_JOB_EXECUTION -> service.startNext(thing, body.stringMap("statusDetails"),
                            body.longValue("stepTimeoutInMinutes"))
                    .thenApply(view -> new ExecutionAccepted(token, now(), view.map(this::execution).orElse(null)));
            case DESCRIBE_JOB_EXECUTION -> {
                Long executionNumber = body.longValue("executionNumber");
                Boolean includeDocument = body.bool("includeJobDocument");
                yield service.describe(thing, topic.jobId(),
                                executionNumber == null ? OptionalLong.empty() : OptionalLong.of(executionNumber),
                                includeDocument == null || includeDocument)
                        .thenApply(view -> new ExecutionAccepted(token, now(), view.map(this::execution).orElse(null)));
            }
            case UPDATE_JOB_EXECUTION -> {
                ExecutionStatus status = Enums.executionStatus("status", body.string("status"));
                UpdateExecutionCommand command = new UpdateExecutionCommand(thing, topic.jobId(), status,
                        body.stringMap("statusDetails"), body.longValue("stepTimeoutInMinutes"), body.longValue("expectedVersion"),
                        body.longValue("executionNumber"), Boolean.TRUE.equals(body.bool("includeJobExecutionState")),
                        Boolean.TRUE.equals(body.bool("includeJobDocument")));
                yield service.update(command).thenApply(result -> new UpdateAccepted(token, now(),
                        result.state() == null ? null : DataPlaneShapes.state(result.state()),
                        updateDocuments.apply(result.jobDocument(), result.presignedUrlConfig())));
            }
        };
    }

    private MqttJobExecution execution(ExecutionView view) {
        return MqttShapes.execution(view, documents.apply(view));
    }

    private static ObjectNode parse(byte[] payload) throws IOException {
        // Devices publish start-next with no payload at all (the FreeRTOS jobs demo): that is {}.
        if (payload.length == 0) {
            return Json.MAPPER.createObjectNode();
        }
        JsonNode node = Json.MAPPER.readTree(payload);
        if (node == null || node.isMissingNode()) {
            return Json.MAPPER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IOException("expected a JSON object, found " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /** Any scalar is echoed as text; the token is only ever correlated by the device. */
    private static String clientToken(ObjectNode body) {
        JsonNode token = body.get("clientToken");
        return token == null || token.isNull() || token.isContainerNode() ? null : token.asText();
    }

    private static MqttReply reject(JobsTopic topic, Rejected rejected) {
        return new MqttReply(topic.rejected(), MqttJson.write(rejected), rejected.code());
    }

    private long now() {
        return Math.floorDiv(clock.millis(), 1000L);
    }

    private static String message(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }
}
