package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.auth.PercentEncoding;
import io.vertx.core.Future;

/**
 * A device of device-loop, over HTTP: StartNext, then UpdateJobExecution IN_PROGRESS, then
 * SUCCEEDED (each with the expected version), then the next job, one request per step. A failed
 * step makes it ask StartNext again, which answers the execution it has in progress.
 */
final class SimulatedDevice implements ClosedLoop.Worker {

    private final HttpDriver http;
    private final String thingName;
    private final BenchRequest startNext;
    private String jobId;
    private long version;
    private boolean reported;
    private long succeeded;

    SimulatedDevice(HttpDriver http, String thingName) {
        this.http = http;
        this.thingName = thingName;
        this.startNext = BenchRequest.data("PUT", "/things/" + PercentEncoding.encode(thingName) + "/jobs/$next",
                "{\"statusDetails\":{\"step\":\"start\"}}");
    }

    @Override
    public Future<?> step() {
        if (jobId == null) {
            return http.expect(startNext).map(answer -> {
                JsonNode execution = answer.json().path("execution");
                if (execution.isMissingNode() || execution.isNull()) {
                    throw new NoMoreWork("device " + thingName + " found no pending job (more with --jobs-per-device)");
                }
                jobId = execution.path("jobId").asText();
                version = execution.path("versionNumber").asLong();
                reported = false;
                return answer;
            });
        }
        String status = reported ? "SUCCEEDED" : "IN_PROGRESS";
        BenchRequest update = BenchRequest.data("POST", "/things/" + PercentEncoding.encode(thingName) + "/jobs/"
                + PercentEncoding.encode(jobId), "{\"status\":\"" + status + "\",\"expectedVersion\":" + version
                + ",\"statusDetails\":{\"step\":\"" + status + "\"}}");
        return http.expect(update).onComplete(outcome -> {
            if (outcome.failed()) {
                jobId = null;
            } else if (reported) {
                succeeded++;
                jobId = null;
            } else {
                version++;
                reported = true;
            }
        });
    }

    /** Executions this device took to SUCCEEDED, each acknowledged by the server. */
    long succeeded() {
        return succeeded;
    }

    /** Whether it holds an execution it started and has not finished. */
    boolean holdsOne() {
        return jobId != null;
    }
}
