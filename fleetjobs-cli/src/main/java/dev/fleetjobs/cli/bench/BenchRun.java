package dev.fleetjobs.cli.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run: the client's own Vert.x with a single event loop (the load generator must not take the
 * server's CPU), a first signed request to learn that the server is there and takes the
 * credentials, then the scenarios in order. A scenario that cannot finish is reported as failed
 * and the next one runs.
 */
final class BenchRun {

    // A refused connection fails at once; a machine busy enough to take this long is worth waiting for.
    private static final Duration PROBE_LIMIT = Duration.ofSeconds(60);

    private final Target target;
    private final BenchSettings settings;
    private final Progress progress;

    BenchRun(Target target, BenchSettings settings, Progress progress) {
        this.target = target;
        this.settings = settings;
        this.progress = progress;
    }

    List<ScenarioResult> run(List<Scenario> plan) {
        // The client's loop is never blocked by its own code; on a starved machine the checker would only report the starving.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1)
                .setBlockedThreadCheckInterval(TimeUnit.DAYS.toMillis(1)));
        RequestSigner signer = new RequestSigner(target.credentials(), target.region(), HttpDriver.authority(target.endpoint()),
                Clock.systemUTC());
        try (HttpDriver http = new HttpDriver(vertx, target.endpoint(), signer, settings.connections());
             HttpDriver controlHttp = new HttpDriver(vertx, target.endpoint(), signer, settings.connections())) {
            probe(http);
            BenchContext context = new BenchContext(vertx, http, new ControlPlane(vertx, controlHttp), target, settings, progress);
            List<ScenarioResult> results = new ArrayList<>();
            for (Scenario scenario : plan) {
                try {
                    results.add(scenario.run(context));
                } catch (BenchFailure e) {
                    results.add(ScenarioResult.failed(scenario.name(), e.getMessage()));
                }
            }
            return results;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /** A signed request that matches no route: the answer tells whether the server is there and takes the credentials. */
    private void probe(HttpDriver http) {
        progress.show("bench", "reaching " + target.endpoint());
        BenchRequest noop = BenchRequest.data("GET", NoopScenario.PATH, null).expecting(404);
        Answer answer;
        try {
            answer = Await.result(http.send(noop), PROBE_LIMIT, "the server at " + target.endpoint());
        } catch (BenchFailure e) {
            throw new BenchUsageException("Cannot reach the server at " + target.endpoint() + ": " + e.getMessage(), e);
        }
        if (answer.status() == 403 || answer.status() == 400 && "IncompleteSignatureException".equals(answer.errorType())) {
            throw new BenchUsageException("The server at " + target.endpoint() + " refused the credentials of AWS_ACCESS_KEY_ID: "
                    + answer.summary());
        }
        if (answer.status() != noop.expectedStatus()) {
            throw new BenchUsageException("The server at " + target.endpoint() + " answered a signed GET " + NoopScenario.PATH
                    + " with " + answer.summary() + "; is it a Fleetjobs server?");
        }
    }
}
