package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetjobs.sdk.auth.PercentEncoding;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;

/**
 * The control-plane calls scenarios make to set up their fleet and to check it afterwards, on the
 * bench's HTTP client. A refusal the service calls temporary (503, 429) is retried a few times, so
 * a busy server slows the setup down rather than ending it. The calls have a pool of connections
 * of their own, and an attempt without an answer is given up after a while and tried again: a
 * scenario's setup or check never waits on the load's pool, nor forever on a lost request.
 */
final class ControlPlane {

    private static final int ATTEMPTS = 6;
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final Duration ATTEMPT_LIMIT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final HttpDriver http;

    ControlPlane(Vertx vertx, HttpDriver http) {
        this.vertx = vertx;
        this.http = http;
    }

    Future<JsonNode> createThing(String thingName) {
        return call(BenchRequest.control("POST", "/things/" + PercentEncoding.encode(thingName), "{}"));
    }

    /** Answers the group's ARN. */
    Future<String> createThingGroup(String groupName) {
        return call(BenchRequest.control("POST", "/thing-groups/" + PercentEncoding.encode(groupName), "{}"))
                .map(answer -> answer.path("thingGroupArn").asText());
    }

    Future<JsonNode> addThingToGroup(String groupName, String thingName) {
        ObjectNode body = Answer.JSON.createObjectNode().put("thingGroupName", groupName).put("thingName", thingName);
        return call(BenchRequest.control("PUT", "/thing-groups/addThingToThingGroup", body.toString()));
    }

    /** A SNAPSHOT job with a small document on the targets (thing or group ARNs). */
    Future<JsonNode> createJob(String jobId, List<String> targetArns) {
        ObjectNode body = Answer.JSON.createObjectNode();
        targetArns.forEach(body.putArray("targets")::add);
        body.put("document", "{\"operation\":\"bench\",\"version\":\"1.0\"}");
        body.put("targetSelection", "SNAPSHOT");
        return call(BenchRequest.control("PUT", "/jobs/" + PercentEncoding.encode(jobId), body.toString()));
    }

    /** The {@code job} member of DescribeJob. */
    Future<JsonNode> describeJob(String jobId) {
        return call(BenchRequest.control("GET", "/jobs/" + PercentEncoding.encode(jobId), null)).map(answer -> answer.path("job"));
    }

    private Future<JsonNode> call(BenchRequest request) {
        Promise<JsonNode> result = Promise.promise();
        attempt(request, 1, result);
        return result.future();
    }

    private void attempt(BenchRequest request, int attempt, Promise<JsonNode> result) {
        Promise<Answer> outcome = Promise.promise();
        long deadline = vertx.setTimer(ATTEMPT_LIMIT.toMillis(), id ->
                outcome.tryFail(new BenchFailure(request.describe() + " got no answer within " + ATTEMPT_LIMIT.toSeconds() + " s")));
        http.send(request).onComplete(answered -> {
            if (answered.succeeded()) {
                outcome.tryComplete(answered.result());
            } else {
                outcome.tryFail(answered.cause());
            }
        });
        outcome.future().onComplete(answered -> {
            vertx.cancelTimer(deadline);
            settle(request, attempt, answered, result);
        });
    }

    private void settle(BenchRequest request, int attempt, AsyncResult<Answer> outcome, Promise<JsonNode> result) {
        boolean temporary = outcome.failed() || outcome.result().status() == 503 || outcome.result().status() == 429;
        if (outcome.succeeded() && outcome.result().status() == request.expectedStatus()) {
            try {
                result.complete(outcome.result().json());
            } catch (RuntimeException e) {
                result.fail(e);
            }
        } else if (temporary && attempt < ATTEMPTS) {
            vertx.setTimer(FIRST_BACKOFF_MILLIS << (attempt - 1), id -> attempt(request, attempt + 1, result));
        } else {
            result.fail(new BenchFailure(request.describe() + " failed: "
                    + (outcome.failed() ? Failures.describe(outcome.cause()) : outcome.result().summary())));
        }
    }
}
