package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.auth.PercentEncoding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Reads at full speed over the {@link ReadFixture}'s things, each connection going round them:
 * {@code get-pending} (GetPendingJobExecutions, three queued), {@code describe}
 * (DescribeJobExecution with the job document) and {@code describe-thing} (DescribeThing, the
 * control plane). Afterwards one answer of each kind is checked for what the fixture holds.
 */
final class ReadScenario implements Scenario {

    static final String GET_PENDING = "get-pending";
    static final String DESCRIBE = "describe";
    static final String DESCRIBE_THING = "describe-thing";

    private final String name;

    ReadScenario(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        ReadFixture fixture = context.readFixture();
        Function<String, BenchRequest> requestFor = requestMaker(fixture);
        List<BenchRequest> requests = fixture.things().stream().map(requestFor).toList();
        int connections = context.settings.connections();
        List<ClosedLoop.Worker> workers = IntStream.range(0, connections).<ClosedLoop.Worker>mapToObj(worker -> new ClosedLoop.Worker() {
            private int next = worker;

            @Override
            public io.vertx.core.Future<?> step() {
                BenchRequest request = requests.get(next % requests.size());
                next += connections;
                return context.http.expect(request);
            }
        }).toList();
        ClosedLoop loop = new ClosedLoop(context.vertx, workers, context.settings.timing(), context.target.cpu().orElse(null));
        context.progress.show(name, loop::status);
        LoadResult load = loop.run();
        Check check = check(context, requests.get(0), fixture);
        return ScenarioResult.of(name, load, check, Map.of("request", requests.get(0).describe()), List.of());
    }

    private Function<String, BenchRequest> requestMaker(ReadFixture fixture) {
        return switch (name) {
            case GET_PENDING -> thing -> BenchRequest.data("GET", "/things/" + PercentEncoding.encode(thing) + "/jobs", null);
            case DESCRIBE -> thing -> BenchRequest.data("GET", "/things/" + PercentEncoding.encode(thing) + "/jobs/"
                    + PercentEncoding.encode(fixture.jobIds().get(0)), null);
            case DESCRIBE_THING -> thing -> BenchRequest.control("GET", "/things/" + PercentEncoding.encode(thing), null);
            default -> throw new IllegalArgumentException("not a read scenario: " + name);
        };
    }

    /** One more request, whose answer must show the fixture. */
    private Check check(BenchContext context, BenchRequest request, ReadFixture fixture) {
        JsonNode answer = Await.result(context.http.expect(request), Duration.ofSeconds(30), request.describe()).json();
        return switch (name) {
            case GET_PENDING -> {
                int queued = answer.path("queuedJobs").size();
                yield Check.of(queued == ReadFixture.JOBS, queued + " queued jobs listed, " + ReadFixture.JOBS + " expected");
            }
            case DESCRIBE -> {
                boolean ok = fixture.jobIds().get(0).equals(answer.path("execution").path("jobId").asText())
                        && answer.path("execution").hasNonNull("jobDocument");
                yield Check.of(ok, ok ? "the execution and its job document are answered" : "unexpected answer " + answer);
            }
            default -> {
                boolean ok = fixture.things().get(0).equals(answer.path("thingName").asText());
                yield Check.of(ok, ok ? "the thing is answered" : "unexpected answer " + answer);
            }
        };
    }
}
