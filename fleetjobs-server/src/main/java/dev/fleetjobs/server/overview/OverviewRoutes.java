package dev.fleetjobs.server.overview;

import dev.fleetjobs.core.model.ExecutionStatus;
import dev.fleetjobs.core.model.JobExecution;
import dev.fleetjobs.core.model.JobStatus;
import dev.fleetjobs.core.model.TargetSelection;
import dev.fleetjobs.core.validation.Validator;
import dev.fleetjobs.server.http.ApiRequest;
import dev.fleetjobs.server.http.Enums;
import dev.fleetjobs.server.http.QueryInput;
import dev.fleetjobs.server.http.RouteGroup;
import dev.fleetjobs.server.http.RouteTable;
import dev.fleetjobs.server.http.WireTime;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.store.JobQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Fleetjobs' own read-only views that no AWS operation gives, on the control plane (SigV4 for
 * scripts, the session for the console): {@code GET /_fleetjobs/overview}, {@code GET
 * /_fleetjobs/jobs} (ListJobs' filters plus {@code jobIdPrefix}, each job with its counts) and
 * {@code GET /_fleetjobs/jobs/{jobId}/timeline} (executions by status over time, from the samples
 * of {@link ProgressSampler} and the counts of now). Times are epoch
 * seconds, as on the control plane.
 */
public final class OverviewRoutes implements RouteGroup {

    private static final int DEFAULT_FAILURES = 10;
    private static final int MAX_FAILURES = 50;
    private static final int DEFAULT_POINTS = 120;
    private static final int MAX_POINTS = 500;
    private static final int DEFAULT_JOBS = 25;

    private final FleetOverview overview;
    private final JobBoard board;
    private final JobTimeline timeline;
    private final Arns arns;
    private final String mqttMode;

    /** @param mqttMode  "embedded", "external" or "off", shown beside the connected devices */
    public OverviewRoutes(FleetOverview overview, JobBoard board, JobTimeline timeline, Arns arns, String mqttMode) {
        this.overview = overview;
        this.board = board;
        this.timeline = timeline;
        this.arns = arns;
        this.mqttMode = mqttMode;
    }

    @Override
    public void register(RouteTable table) {
        table.add("Fleetjobs.Overview", "GET", "/_fleetjobs/overview", this::overview)
                .add("Fleetjobs.JobBoard", "GET", "/_fleetjobs/jobs", this::jobs)
                .add("Fleetjobs.JobTimeline", "GET", "/_fleetjobs/jobs/{jobId}/timeline", this::timeline);
    }

    private CompletableFuture<?> overview(ApiRequest request) {
        int failures = intParam(request.query(), "maxFailures", DEFAULT_FAILURES, 1, MAX_FAILURES);
        return overview.read(failures).thenApply(snapshot -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jobs", byName(snapshot.jobs(), JobStatus.values()));
            body.put("executions", byName(snapshot.executions(), ExecutionStatus.values()));
            body.put("mqtt", mqttMode);
            snapshot.connectedDevices().ifPresent(n -> body.put("connectedDevices", n));
            body.put("latestFailures", snapshot.latestFailures().stream().map(this::failure).toList());
            return body;
        });
    }

    private CompletableFuture<?> jobs(ApiRequest request) {
        QueryInput query = request.query();
        int maxResults = Validator.maxResults("maxResults", query.intValue("maxResults"), DEFAULT_JOBS);
        JobQuery filter = new JobQuery(Enums.parse(JobStatus.class, "status", query.string("status")),
                Enums.parse(TargetSelection.class, "targetSelection", query.string("targetSelection")),
                query.string("thingGroupName"), null);
        return board.list(filter, query.string("jobIdPrefix"), query.string("nextToken"), maxResults).thenApply(page -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jobs", page.items().stream().map(row -> {
                Map<String, Object> job = new LinkedHashMap<>();
                job.put("jobId", row.job().jobId());
                job.put("jobArn", arns.job(row.job().jobId()));
                job.put("status", row.job().status().name());
                job.put("targetSelection", row.job().targetSelection().name());
                putIfPresent(job, "description", row.job().description());
                job.put("createdAt", WireTime.fractionalSeconds(row.job().createdAtMillis()));
                job.put("lastUpdatedAt", WireTime.fractionalSeconds(row.job().lastUpdatedAtMillis()));
                putIfPresent(job, "completedAt", WireTime.fractionalSeconds(row.job().completedAtMillis()));
                job.put("progress", byName(row.progress().counts(), ExecutionStatus.values()));
                return job;
            }).toList());
            putIfPresent(body, "nextToken", page.nextCursor());
            return body;
        });
    }

    private CompletableFuture<?> timeline(ApiRequest request) {
        int points = intParam(request.query(), "points", DEFAULT_POINTS, 2, MAX_POINTS);
        return timeline.read(request.path("jobId"), points).thenApply(result -> {
            TimelineSeries series = result.series();
            List<Object> times = new ArrayList<>(series.buckets());
            // Bucket ends, not now: while no count changes the answer stays the same for a whole step, so a poll gets 304.
            for (int b = 0; b < series.buckets(); b++) {
                times.add(WireTime.fractionalSeconds(series.timeOf(b)));
            }
            Map<String, Object> counts = new LinkedHashMap<>();
            for (ExecutionStatus status : ExecutionStatus.values()) {
                counts.put(status.name(), series.counts().get(status));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("jobId", result.job().jobId());
            body.put("status", result.job().status().name());
            body.put("from", WireTime.fractionalSeconds(series.fromMillis()));
            body.put("to", WireTime.fractionalSeconds(series.timeOf(series.buckets() - 1)));
            body.put("stepSeconds", series.stepMillis() / 1000);
            body.put("times", times);
            body.put("series", counts);
            body.put("counts", byName(result.progress().counts(), ExecutionStatus.values()));
            return body;
        });
    }

    private Map<String, Object> failure(JobExecution e) {
        Map<String, Object> failure = new LinkedHashMap<>();
        failure.put("jobId", e.jobId());
        failure.put("thingName", e.thingName());
        failure.put("thingArn", arns.thing(e.thingName()));
        failure.put("executionNumber", e.executionNumber());
        failure.put("status", e.status().name());
        failure.put("statusDetails", e.statusDetails());
        failure.put("lastUpdatedAt", WireTime.fractionalSeconds(e.lastUpdatedAtMillis()));
        return failure;
    }

    /** Every status, zero included, in the enum's order. */
    private static <E extends Enum<E>> Map<String, Long> byName(Map<E, Long> counts, E[] all) {
        Map<String, Long> named = new LinkedHashMap<>();
        for (E value : all) {
            named.put(value.name(), counts.getOrDefault(value, 0L));
        }
        return named;
    }

    private static int intParam(QueryInput query, String name, int defaultValue, int min, int max) {
        Integer value = query.intValue(name);
        return value == null ? defaultValue : (int) Validator.range(name, value, min, max);
    }


    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
