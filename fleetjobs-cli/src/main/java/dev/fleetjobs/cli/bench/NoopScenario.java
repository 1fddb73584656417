package dev.fleetjobs.cli.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The cheapest requests the server answers, the references of every ratio: {@code noop} is a
 * SigV4-signed GET that matches no route (404 UnknownOperationException after the signature is
 * verified); {@code unsigned-noop} is the same GET without a signature, refused before any work
 * (403 MissingAuthenticationTokenException), so noop over unsigned-noop is the cost of SigV4.
 */
final class NoopScenario implements Scenario {

    static final String NAME = "noop";
    static final String UNSIGNED_NAME = "unsigned-noop";
    static final String PATH = "/noop";

    private final boolean signed;

    private NoopScenario(boolean signed) {
        this.signed = signed;
    }

    static NoopScenario signed() {
        return new NoopScenario(true);
    }

    static NoopScenario unsigned() {
        return new NoopScenario(false);
    }

    @Override
    public String name() {
        return signed ? NAME : UNSIGNED_NAME;
    }

    @Override
    public ScenarioResult run(BenchContext context) {
        BenchRequest request = signed
                ? BenchRequest.data("GET", PATH, null).expecting(404)
                : new BenchRequest("GET", PATH, "", null, null, 403);
        List<ClosedLoop.Worker> workers = IntStream.range(0, context.settings.connections())
                .<ClosedLoop.Worker>mapToObj(i -> () -> context.http.expect(request)).toList();
        ClosedLoop loop = new ClosedLoop(context.vertx, workers, context.settings.timing(), context.target.cpu().orElse(null));
        context.progress.show(name(), loop::status);
        LoadResult load = loop.run();
        if (signed) {
            context.noopMeasured(load.opsPerSecond());
        }
        return ScenarioResult.of(name(), load, Check.none(),
                Map.of("request", request.describe() + (signed ? " (signed, answered 404)" : " (unsigned, answered 403)")), List.of());
    }
}
