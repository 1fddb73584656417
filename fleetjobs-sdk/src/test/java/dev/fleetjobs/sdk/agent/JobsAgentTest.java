package dev.fleetjobs.sdk.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.fleetjobs.protocol.dataplane.JobExecution;
import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.LocalServer;
import dev.fleetjobs.sdk.http.Interceptor;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.errors.TransportException;
import dev.fleetjobs.sdk.models.shared.Security;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent in-process against a real server: documents, reports, heartbeats, restarts and lost answers. */
class JobsAgentTest {

    @TempDir
    Path temp;

    private LocalServer server;
    private Handlers handlers;
    private Path stateDir;

    @BeforeEach
    void start() throws Exception {
        server = LocalServer.start(temp.resolve("server"));
        server.thing("dev-1");
        handlers = new Handlers(Files.createDirectories(temp.resolve("handlers")));
        stateDir = temp.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOperationFormRunsTheHandlerOfThatName() {
        handlers.script("install", "echo \"installing $2 for $FLEETJOBS_THING_NAME/$FLEETJOBS_JOB_ID\"");
        server.job("j1", "{\"operation\":\"install\",\"args\":[\"2.0\"],\"includeStdOut\":true}", "dev-1");

        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.SUCCEEDED);
        JobExecution done = execution("j1");
        assertThat(done.status()).isEqualTo("SUCCEEDED");
        assertThat(done.statusDetails()).isEqualTo(Map.of("step", "1/1", "reason", "All steps succeeded",
                "stdout", "installing 2.0 for dev-1/j1"));
        assertThat(handlers.invocations()).containsExactly("install  2.0");
        assertThat(done.versionNumber()).as("start, one step report, the final report").isEqualTo(4L);
        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.IDLE);
        assertThat(stateDir.resolve("journal.json")).doesNotExist();
    }

    @Test
    void stepsRunInOrderAndTheFinalStepOnlyAfterAllSucceeded() {
        handlers.script("step.sh", "echo \"did $2\"").script("flaky.sh", "echo 'warning' >&2; exit 1").script("clean.sh", "echo cleaned");
        server.job("ok", document(List.of(handler("one", "step.sh", "1"), handler("two", "flaky.sh", "2", "\"ignoreStepFailure\":\"true\""),
                command("three", "echo,three")), handler("final", "clean.sh", "4"), true), "dev-1");

        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(execution("ok").statusDetails()).isEqualTo(Map.of("step", "4/4", "reason", "All steps succeeded", "stdout", "cleaned"));
        assertThat(handlers.invocations()).containsExactly("step.sh  1", "flaky.sh  2", "clean.sh  4");
        assertThat(execution("ok").versionNumber()).isEqualTo(2 + 4 + 1);
    }

    @Test
    void aFailingStepFailsTheJobWithItsReasonAndStopsTheRest() {
        handlers.script("step.sh", "echo \"did $2\"").script("verify.sh", "echo 'checksum mismatch' >&2\nexit 3").script("clean.sh", "true");
        server.job("bad", document(List.of(handler("one", "step.sh", "1"), handler("verify", "verify.sh", "2"), handler("three", "step.sh", "3")),
                handler("final", "clean.sh", "4"), false), "dev-1");

        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.FAILED);
        JobExecution failed = execution("bad");
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.statusDetails()).isEqualTo(Map.of("step", "2/4", "stepName", "verify",
                "reason", "Step 'verify' exited with status 3", "stderr", "checksum mismatch"));
        assertThat(handlers.invocations()).containsExactly("step.sh  1", "verify.sh  2");
    }

    @Test
    void stderrBeyondAllowStdErrFailsAStep() {
        handlers.script("noisy.sh", "echo a >&2; echo b >&2");
        server.job("noisy", document(List.of(handler("noisy", "noisy.sh", "1", "\"allowStdErr\":1")), null, false), "dev-1");
        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.FAILED);
        assertThat(execution("noisy").statusDetails()).containsEntry("reason", "Step 'noisy' wrote 2 lines to stderr, more than the 1 allowed");
    }

    @Test
    void documentsItCannotRunAreRejectedBeforeAnythingRuns() {
        handlers.script("step.sh", "true");
        server.job("missing", document(List.of(handler("one", "step.sh", "1"), handler("two", "absent.sh", "2")), null, false), "dev-1");
        server.job("odd", "{\"firmware\":\"2.0\"}", "dev-1");

        JobsAgent agent = agent(null);
        assertThat(agent.runOnce()).isEqualTo(JobOutcome.REJECTED);
        assertThat(execution("missing").statusDetails())
                .isEqualTo(Map.of("reason", "No executable handler 'absent.sh' for step 'two' in the handler directory"));
        assertThat(agent.runOnce()).isEqualTo(JobOutcome.REJECTED);
        assertThat(execution("odd").statusDetails()).isEqualTo(Map.of("reason", "The job document has neither 'version' nor 'operation'"));
        assertThat(handlers.invocations()).isEmpty();
    }

    @Test
    void heartbeatsKeepTheStepTimerAliveWhileAHandlerRuns() throws Exception {
        Path started = temp.resolve("started");
        Path release = temp.resolve("release");
        handlers.script("long.sh", Handlers.waitFor(started, release));
        server.job("long", "{\"operation\":\"long.sh\"}", "dev-1");
        JobsAgent agent = JobsAgent.builder().client(server.client()).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .stepTimeoutMinutes(1L).heartbeatInterval(Duration.ofMillis(100)).build();
        Thread worker = new Thread(agent::runOnce);
        worker.start();

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started) && execution("long").versionNumber() >= 6);
        JobExecution running = execution("long");
        assertThat(running.status()).isEqualTo("IN_PROGRESS");
        assertThat(running.statusDetails()).as("heartbeats keep the step's details").isEqualTo(Map.of("step", "1/1", "stepName", "long.sh"));
        Files.createFile(release);
        worker.join(20_000);
        assertThat(execution("long").status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aRestartMidStepRerunsOnlyThatStepAndRepeatsNoReport() throws Exception {
        Path started = temp.resolve("started");
        Path release = temp.resolve("release");
        handlers.script("step.sh", "true").script("slow.sh", Handlers.waitFor(started, release));
        server.job("j5", document(List.of(handler("one", "step.sh", "1"), handler("two", "slow.sh", "2"), handler("three", "step.sh", "3")),
                null, false), "dev-1");

        JobsAgent first = agent(null);
        Thread loop = new Thread(first::run);
        loop.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
        first.close();
        loop.join(10_000);
        assertThat(loop.isAlive()).isFalse();
        assertThat(execution("j5").statusDetails()).isEqualTo(Map.of("step", "2/3", "stepName", "two"));

        Files.createFile(release);
        assertThat(agent(null).runOnce()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(handlers.invocations()).containsExactly("step.sh  1", "slow.sh  2", "slow.sh  2", "step.sh  3");
        assertThat(execution("j5").versionNumber()).as("start, three step reports, final: none repeated").isEqualTo(6L);
    }

    @Test
    void anAnswerLostAfterTheServiceAppliedAReportIsNotSentAgain() {
        handlers.script("step.sh", "true");
        server.job("j2", document(List.of(handler("one", "step.sh", "1"), handler("two", "step.sh", "2")), null, false), "dev-1");
        AtomicBoolean dropNextUpdateAnswer = new AtomicBoolean(true);
        JobsDataClient flaky = JobsDataClient.builder().serverUrl(server.endpoint()).security(Security.sigV4(LocalServer.CREDENTIALS))
                .retryPolicy(RetryPolicy.none()).interceptor(new Interceptor() {
                    @Override
                    public void afterResponse(HttpRequest request, HttpResponse<byte[]> response, int attempt) {
                        if (request.method().equals("POST") && dropNextUpdateAnswer.getAndSet(false)) {
                            throw new TransportException("connection reset after the service answered", null);
                        }
                    }
                }).build();
        JobsAgent agent = JobsAgent.builder().client(flaky).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .stepTimeoutMinutes(null).build();

        assertThatThrownBy(agent::runOnce).isInstanceOf(TransportException.class);
        assertThat(execution("j2").versionNumber()).as("the first step report was applied").isEqualTo(3L);
        assertThat(agent.runOnce()).isEqualTo(JobOutcome.SUCCEEDED);
        assertThat(execution("j2").versionNumber()).as("start, two step reports, final").isEqualTo(5L);
        assertThat(handlers.invocations()).containsExactly("step.sh  1", "step.sh  2");
    }

    @Test
    void aJobCanceledWhileItsStepRunsIsAbandonedAndTheStepKilled() throws Exception {
        Path started = temp.resolve("started");
        handlers.script("forever.sh", Handlers.waitFor(started, temp.resolve("never")));
        server.job("doomed", "{\"operation\":\"forever.sh\"}", "dev-1");
        JobsAgent agent = JobsAgent.builder().client(server.client()).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .stepTimeoutMinutes(1L).heartbeatInterval(Duration.ofMillis(100)).build();
        var outcome = java.util.concurrent.CompletableFuture.supplyAsync(agent::runOnce);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
        server.iot().cancelJob(r -> r.jobId("doomed").force(true));
        assertThat(outcome.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(JobOutcome.ABANDONED);
        assertThat(execution("doomed").status()).isEqualTo("CANCELED");
        assertThat(stateDir.resolve("journal.json")).doesNotExist();
    }

    @Test
    void aCancelReachesARunningStepWithinSecondsLongBeforeTheNextHeartbeat() throws Exception {
        Path started = temp.resolve("started");
        Path pidFile = temp.resolve("step.pid");
        handlers.script("forever.sh", "echo $$ > '" + pidFile + "'\n" + Handlers.waitFor(started, temp.resolve("never")));
        server.job("stopped", "{\"operation\":\"forever.sh\"}", "dev-1");
        JobsAgent agent = JobsAgent.builder().client(server.client()).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .stepTimeoutMinutes(30L).heartbeatInterval(Duration.ofMinutes(10)).cancelCheckInterval(Duration.ofMillis(200)).build();
        var outcome = java.util.concurrent.CompletableFuture.supplyAsync(agent::runOnce);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(started));
        long stepPid = Long.parseLong(Files.readString(pidFile).strip());

        server.iot().cancelJob(r -> r.jobId("stopped").force(true));
        assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).as("no heartbeat is due for ten minutes")
                .isEqualTo(JobOutcome.ABANDONED);
        assertThat(ProcessHandle.of(stepPid).map(ProcessHandle::isAlive).orElse(false)).as("the step's process was killed").isFalse();
        assertThat(stateDir.resolve("journal.json")).doesNotExist();
    }

    @Test
    void theAgentBacksOffWhileTheServerIsAwayAndCarriesOnWhenItReturns() throws Exception {
        handlers.script("install", "true");
        server.job("later", "{\"operation\":\"install\"}", "dev-1");
        int port = server.port();
        Path data = temp.resolve("server");
        server.close();

        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<JobOutcome> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobsDataClient client = JobsDataClient.builder().serverUrl("http://127.0.0.1:" + port).security(Security.sigV4(LocalServer.CREDENTIALS))
                .retryPolicy(RetryPolicy.none()).build();
        JobsAgent agent = JobsAgent.builder().client(client).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .idlePollInterval(Duration.ofMillis(50)).backoff(RetryPolicy.of(Integer.MAX_VALUE, Duration.ofMillis(40), Duration.ofMillis(400)))
                .listener(new AgentListener() {
                    @Override
                    public void problem(String message, Duration retryIn) {
                        waits.add(retryIn);
                    }

                    @Override
                    public void jobFinished(String jobId, JobOutcome outcome, Map<String, String> statusDetails) {
                        outcomes.add(outcome);
                    }
                }).build();
        Thread loop = new Thread(agent::run);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> waits.size() >= 4);
            assertThat(waits.get(0)).isBetween(Duration.ofMillis(20), Duration.ofMillis(40));
            assertThat(waits.get(3)).isBetween(Duration.ofMillis(160), Duration.ofMillis(320));
            server = LocalServer.start(dev.fleetjobs.server.app.ServerConfig.defaults("127.0.0.1", port, data));
            await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.contains(JobOutcome.SUCCEEDED));
            assertThat(execution("later").status()).isEqualTo("SUCCEEDED");
        } finally {
            agent.close();
        }
    }

    private JobsAgent agent(Long stepTimeoutMinutes) {
        return JobsAgent.builder().client(server.client()).thingName("dev-1").handlersDir(handlers.dir()).stateDir(stateDir)
                .stepTimeoutMinutes(stepTimeoutMinutes).idlePollInterval(Duration.ofMillis(50)).build();
    }

    private JobExecution execution(String jobId) {
        return server.client().describeJobExecution(r -> r.thingName("dev-1").jobId(jobId)).describeJobExecutionResponse().orElseThrow()
                .execution();
    }

    static String handler(String name, String handler, String arg, String... extra) {
        return "{\"action\":{\"name\":\"" + name + "\",\"type\":\"runHandler\"" + (extra.length > 0 ? "," + String.join(",", extra) : "")
                + ",\"input\":{\"handler\":\"" + handler + "\",\"args\":[\"" + arg + "\"],\"path\":\"default\"}}}";
    }

    static String command(String name, String command) {
        return "{\"action\":{\"name\":\"" + name + "\",\"type\":\"runCommand\",\"input\":{\"command\":\"" + command + "\"}}}";
    }

    static String document(List<String> steps, String finalStep, boolean includeStdOut) {
        return "{\"version\":\"1.0\",\"includeStdOut\":\"" + includeStdOut + "\",\"steps\":[" + String.join(",", steps) + "]"
                + (finalStep == null ? "" : ",\"finalStep\":" + finalStep) + "}";
    }
}
