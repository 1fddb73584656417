package dev.fleetjobs.cli.agent;

import dev.fleetjobs.cli.ops.ConnectionOptions;
import dev.fleetjobs.sdk.agent.AgentListener;
import dev.fleetjobs.sdk.agent.JobOutcome;
import dev.fleetjobs.sdk.agent.JobsAgent;
import dev.fleetjobs.sdk.agent.StepResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fleetjobs agent}: the device agent as a process. */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Runs a device's jobs: StartNext, run the steps, report, again.",
                "Job documents are the AWS IoT Device Client's (version 1.0 with steps and finalStep; runHandler and runCommand) "
                        + "or {\"operation\": NAME} for the handler NAME in --handlers.",
                "A step of type download (input: url, sha256, path) fetches a file, resuming after a restart, and checks its SHA-256.",
                "Progress is journaled in --state-dir so a restart resumes without losing or repeating a report."})
public final class AgentCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--thing", required = true, paramLabel = "NAME", description = "The thing this agent works for.")
    String thing;

    @Option(names = "--handlers", required = true, paramLabel = "DIR", description = "The handler scripts' directory.")
    Path handlers;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Where the journal lives (default: ./fleetjobs-agent/<thing>).")
    Path stateDir;

    @Option(names = "--step-timeout", paramLabel = "MINUTES", description = "Step timer kept alive while a step runs (default: ${DEFAULT-VALUE}).")
    long stepTimeoutMinutes = 10;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", description = "How often a running step's timer is renewed (default: ${DEFAULT-VALUE}).")
    double heartbeatSeconds = 60;

    @Option(names = "--cancel-check", paramLabel = "SECONDS",
            description = "How often a running step's execution is looked up, so a canceled job's step is killed within about this "
                    + "long (default: ${DEFAULT-VALUE}).")
    double cancelCheckSeconds = 5;

    @Option(names = "--poll", paramLabel = "SECONDS", description = "Wait between asks while idle (default: ${DEFAULT-VALUE}).")
    double pollSeconds = 10;

    @Option(names = "--download-limit", paramLabel = "BYTES", description = "Caps download steps at this many bytes per second"
            + " (suffixes K, M; default: no limit).")
    String downloadLimit;

    @Option(names = "--once", description = "Run the jobs pending now, then exit instead of polling.")
    boolean once;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(handlers)) {
            throw new IllegalArgumentException("--handlers " + handlers + " is not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        JobsAgent agent = JobsAgent.builder()
                .client(connection.dataPlane())
                .thingName(thing)
                .handlersDir(handlers)
                .stateDir(stateDir != null ? stateDir : Path.of("fleetjobs-agent", thing))
                .stepTimeoutMinutes(stepTimeoutMinutes)
                .heartbeatInterval(seconds(heartbeatSeconds, "--heartbeat"))
                .cancelCheckInterval(seconds(cancelCheckSeconds, "--cancel-check"))
                .idlePollInterval(seconds(pollSeconds, "--poll"))
                .downloadBytesPerSecond(bytes(downloadLimit))
                .listener(new Printer(out))
                .build();
        out.println("Agent for " + thing + " on " + connection.endpoint());
        out.flush();
        if (once) {
            JobOutcome outcome;
            do {
                outcome = agent.runOnce();
            } while (outcome != JobOutcome.IDLE && outcome != JobOutcome.STOPPED);
            return 0;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "fleetjobs-agent-stop"));
        agent.run();
        return 0;
    }

    /** {@code 500000}, {@code 512K} or {@code 2M}; null is no limit. */
    static long bytes(String text) {
        if (text == null) {
            return 0;
        }
        String value = text.trim().toUpperCase(java.util.Locale.ROOT);
        long unit = value.endsWith("K") ? 1024 : value.endsWith("M") ? 1024 * 1024 : 1;
        try {
            long amount = Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
            if (amount > 0) {
                return amount;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new IllegalArgumentException("--download-limit must be a positive number of bytes per second (e.g. 500K, 2M), was " + text);
    }

    private static Duration seconds(double value, String option) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be positive");
        }
        return Duration.ofMillis((long) (value * 1000));
    }

    /** One line per event on the command's output. */
    private record Printer(PrintWriter out) implements AgentListener {

        @Override
        public void jobStarted(String jobId, long executionNumber, int firstStep, int totalSteps) {
            print("job " + jobId + " (execution " + executionNumber + "): " + totalSteps + (totalSteps == 1 ? " step" : " steps")
                    + (firstStep > 1 ? ", resuming at step " + firstStep : ""));
        }

        @Override
        public void stepStarted(String jobId, int step, int totalSteps, String name) {
            print("job " + jobId + ": step " + step + "/" + totalSteps + " " + name);
        }

        @Override
        public void stepFinished(String jobId, int step, StepResult result) {
            String said = result.stdoutTail() == null || result.stdoutTail().isBlank() ? ""
                    : ": " + result.stdoutTail().strip().lines().findFirst().orElse("");
            print("job " + jobId + ": step " + step + (result.succeeded() ? " done" + (said.length() > 200 ? said.substring(0, 200) : said)
                    : " failed: " + result.failure()));
        }

        @Override
        public void jobFinished(String jobId, JobOutcome outcome, Map<String, String> statusDetails) {
            print("job " + jobId + ": " + outcome + " " + statusDetails);
        }

        @Override
        public void problem(String message, Duration retryIn) {
            print("problem: " + message + "; retrying in " + retryIn.toMillis() + " ms");
        }

        private void print(String line) {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        }
    }
}
