package dev.fleetjobs.sdk.agent;

import dev.fleetjobs.protocol.dataplane.JobExecution;
import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.errors.JobsException;
import dev.fleetjobs.sdk.models.errors.ResourceNotFoundException;
import dev.fleetjobs.sdk.models.operations.StartNextPendingJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A device agent: asks for the next job (StartNextPendingJobExecution), runs its steps as local
 * processes, reports each step's start and the final status (UpdateJobExecution), and keeps the
 * step timer alive with heartbeats while a step runs. What it does is journaled in the state
 * directory, so after a restart it resumes the execution at the step that was running (a step
 * interrupted by the restart runs again; finished steps do not), and no report is lost or sent
 * twice. Download steps fetch a file named by the document (resuming a part after a restart) and
 * check its SHA-256 before any later step runs, reporting progress in the status details. When the
 * service cannot be reached it backs off exponentially.
 */
public final class JobsAgent implements AutoCloseable {

    private final JobsDataClient client;
    private final String thingName;
    private final Path stateDir;
    private final Long stepTimeoutMinutes;
    private final Duration heartbeatInterval;
    private final Duration cancelCheckInterval;
    private final Duration idlePollInterval;
    private final RetryPolicy backoff;
    private final AgentListener listener;
    private final Journal journal;
    private final StepRunner runner;
    private final Downloader downloader;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean closed;
    private volatile Thread loopThread;

    private JobsAgent(Builder builder) {
        this.client = Objects.requireNonNull(builder.client, "client");
        this.thingName = Objects.requireNonNull(builder.thingName, "thingName");
        this.stateDir = Objects.requireNonNull(builder.stateDir, "stateDir");
        this.stepTimeoutMinutes = builder.stepTimeoutMinutes;
        this.heartbeatInterval = builder.heartbeatInterval;
        this.cancelCheckInterval = builder.cancelCheckInterval;
        this.idlePollInterval = builder.idlePollInterval;
        this.backoff = builder.backoff;
        this.listener = builder.listener;
        this.journal = new Journal(stateDir);
        this.runner = new StepRunner(Objects.requireNonNull(builder.handlersDir, "handlersDir"));
        this.downloader = new Downloader(builder.handlersDir, builder.downloadBytesPerSecond);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs until {@link #close()}: one job after another, polling while idle, backing off while
     * the service fails.
     */
    public void run() {
        loopThread = Thread.currentThread();
        int failures = 0;
        while (!closed) {
            Duration wait;
            try {
                JobOutcome outcome = runOnce();
                failures = 0;
                wait = outcome == JobOutcome.IDLE ? idlePollInterval : Duration.ZERO;
            } catch (RuntimeException e) {
                // a service error, an unreachable server, a full disk: the journal keeps the place, so wait and resume
                failures++;
                wait = backoff.delayAfter(Math.min(failures, 30), random);
                listener.problem(e instanceof JobsException ? e.getMessage() : e.toString(), wait);
            }
            if (!wait.isZero() && pause(wait)) {
                return;
            }
        }
    }

    /**
     * One turn: resumes the journaled execution, or starts the next pending one, and works on it
     * until it ends. Throws what the service or the network threw; the journal keeps the place.
     */
    public JobOutcome runOnce() {
        if (closed) {
            return JobOutcome.STOPPED;
        }
        Optional<JournalEntry> saved = journal.load();
        JobExecution execution;
        Reporter reporter;
        if (saved.isPresent()) {
            JournalEntry entry = saved.get();
            try {
                execution = client.describeJobExecution(r -> r.thingName(thingName).jobId(entry.jobId())
                        .executionNumber(entry.executionNumber()).includeJobDocument(true))
                        .describeJobExecutionResponse().orElseThrow().execution();
            } catch (ResourceNotFoundException gone) {
                journal.clear();
                listener.jobFinished(entry.jobId(), JobOutcome.ABANDONED, Map.of());
                return JobOutcome.ABANDONED;
            }
            reporter = new Reporter(client, journal, thingName, stepTimeoutMinutes, entry);
            Optional<JobOutcome> over = reporter.resync(execution);
            if (over.isPresent()) {
                listener.jobFinished(entry.jobId(), over.get(), execution.statusDetails() == null ? Map.of() : execution.statusDetails());
                return over.get();
            }
        } else {
            StartNextPendingJobExecutionRequestBody body = StartNextPendingJobExecutionRequestBody.builder()
                    .stepTimeoutInMinutes(stepTimeoutMinutes).build();
            execution = client.startNextPendingJobExecution(r -> r.thingName(thingName).requestBody(body))
                    .startNextPendingJobExecutionResponse().map(answer -> answer.execution()).orElse(null);
            if (execution == null) {
                return JobOutcome.IDLE;
            }
            JournalEntry entry = JournalEntry.start(execution.jobId(), execution.executionNumber(), execution.versionNumber());
            journal.save(entry);
            reporter = new Reporter(client, journal, thingName, stepTimeoutMinutes, entry);
        }
        return work(reporter, execution.jobDocument());
    }

    private JobOutcome work(Reporter reporter, String documentText) {
        String jobId = reporter.current().jobId();
        JobDocument document;
        String unrunnable;
        try {
            document = JobDocuments.parse(documentText);
            unrunnable = runner.whyUnrunnable(document);
        } catch (InvalidJobDocumentException e) {
            document = null;
            unrunnable = e.getMessage();
        }
        if (unrunnable != null) {
            return finish(reporter, JobExecutionStatus.REJECTED, details("reason", unrunnable));
        }
        List<Action> steps = document.allSteps();
        int total = steps.size();
        listener.jobStarted(jobId, reporter.current().executionNumber(), reporter.current().stepsDone() + 1, total);
        Path documentFile = writeDocument(documentText);
        for (int step = reporter.current().stepsDone() + 1; step <= total; step++) {
            Action action = steps.get(step - 1);
            if (reporter.current().reportedStep() < step) {
                reporter.reportStep(step, details("step", step + "/" + total, "stepName", action.name()));
            }
            listener.stepStarted(jobId, step, total, action.name());
            StepResult result = action.type() == ActionType.DOWNLOAD
                    ? download(reporter, action, step, total)
                    : runner.run(action, environment(reporter.current(), step, action, documentFile), tickInterval(),
                            whileStepRuns(reporter, jobId));
            if (closed) {
                return JobOutcome.STOPPED;
            }
            if (reporter.abandoned()) {
                journal.clear();
                listener.jobFinished(jobId, JobOutcome.ABANDONED, Map.of());
                return JobOutcome.ABANDONED;
            }
            listener.stepFinished(jobId, step, result);
            if (!result.succeeded() && !action.ignoreStepFailure()) {
                Map<String, String> failed = details("step", step + "/" + total, "stepName", action.name(), "reason", result.failure(),
                        "stderr", result.stderrTail(), "stdout", document.includeStdOut() ? result.stdoutTail() : null);
                return finish(reporter, JobExecutionStatus.FAILED, failed);
            }
            reporter.stepDone(step, StatusDetails.value(result.stdoutTail()));
        }
        return finish(reporter, JobExecutionStatus.SUCCEEDED, details("step", total + "/" + total, "reason", "All steps succeeded",
                "stdout", document.includeStdOut() ? reporter.current().lastStdout() : null));
    }

    /** How often a running step is looked after: often enough for both the heartbeat and the cancel check. */
    private Duration tickInterval() {
        return stepTimeoutMinutes == null || cancelCheckInterval.compareTo(heartbeatInterval) < 0 ? cancelCheckInterval : heartbeatInterval;
    }

    /**
     * Called every {@link #tickInterval()} while a step runs: renews the step timer when a heartbeat is due, else asks
     * whether the execution was canceled meanwhile, and kills the step's processes once it was.
     */
    private Runnable whileStepRuns(Reporter reporter, String jobId) {
        long[] lastBeat = {System.nanoTime()};
        return () -> {
            long now = System.nanoTime();
            if (stepTimeoutMinutes != null && now - lastBeat[0] >= heartbeatInterval.toNanos() - tickInterval().toNanos() / 2) {
                lastBeat[0] = now;
                reporter.heartbeat().ifPresent(version -> listener.heartbeatSent(jobId, version));
            } else {
                reporter.checkStillWanted();
            }
            if (reporter.abandoned()) {
                runner.stopCurrent();
            }
        };
    }

    /** A download step, reporting its progress in the status details as it goes. */
    private StepResult download(Reporter reporter, Action action, int step, int total) {
        String stepText = step + "/" + total;
        return downloader.run(action, heartbeatInterval, (done, size) -> reporter.progress(details("step", stepText,
                "stepName", action.name(), "downloaded", done + (size >= 0 ? "/" + size : "") + " bytes")));
    }

    private JobOutcome finish(Reporter reporter, JobExecutionStatus status, Map<String, String> details) {
        String jobId = reporter.current().jobId();
        reporter.finish(status, details);
        JobOutcome outcome = JobOutcome.valueOf(status.name());
        listener.jobFinished(jobId, outcome, details);
        return outcome;
    }

    private Map<String, String> environment(JournalEntry entry, int step, Action action, Path documentFile) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("FLEETJOBS_THING_NAME", thingName);
        environment.put("FLEETJOBS_JOB_ID", entry.jobId());
        environment.put("FLEETJOBS_EXECUTION_NUMBER", Long.toString(entry.executionNumber()));
        environment.put("FLEETJOBS_STEP", Integer.toString(step));
        environment.put("FLEETJOBS_STEP_NAME", action.name());
        environment.put("FLEETJOBS_JOB_DOCUMENT", documentFile.toString());
        return environment;
    }

    private Path writeDocument(String documentText) {
        Path file = stateDir.resolve("job-document.json");
        try {
            Files.writeString(file, documentText, StandardCharsets.UTF_8);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Status details from key-value pairs; values are cleaned and those left empty are left out. */
    private static Map<String, String> details(String... keysAndValues) {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String value = StatusDetails.value(keysAndValues[i + 1]);
            if (value != null) {
                details.put(keysAndValues[i], value);
            }
        }
        return details;
    }

    /** Waits, or returns true at once when the agent is closed. */
    private boolean pause(Duration wait) {
        try {
            return stopped.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * Stops the agent: a running step is killed (it runs again at the next start), the loop ends.
     * Waits up to ten seconds for the loop to finish.
     */
    @Override
    public void close() {
        closed = true;
        stopped.countDown();
        runner.cancel();
        downloader.cancel();
        Thread loop = loopThread;
        if (loop != null && loop != Thread.currentThread()) {
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Settings of a {@link JobsAgent}. */
    public static final class Builder {

        private JobsDataClient client;
        private String thingName;
        private Path handlersDir;
        private Path stateDir;
        private Long stepTimeoutMinutes = 10L;
        private Duration heartbeatInterval = Duration.ofMinutes(1);
        private Duration cancelCheckInterval = Duration.ofSeconds(5);
        private Duration idlePollInterval = Duration.ofSeconds(30);
        private RetryPolicy backoff = RetryPolicy.of(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1));
        private AgentListener listener = new AgentListener() {
        };
        private long downloadBytesPerSecond;

        private Builder() {
        }

        public Builder client(JobsDataClient client) {
            this.client = client;
            return this;
        }

        public Builder thingName(String thingName) {
            this.thingName = thingName;
            return this;
        }

        /** Where handler scripts live: {@code path: "default"} and the {@code {"operation": ...}} form look here. */
        public Builder handlersDir(Path handlersDir) {
            this.handlersDir = handlersDir;
            return this;
        }

        /** Where the journal lives; one agent per directory. */
        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** The step timer set on start and renewed by every report and heartbeat; null for none. */
        public Builder stepTimeoutMinutes(Long stepTimeoutMinutes) {
            if (stepTimeoutMinutes != null && (stepTimeoutMinutes < 1 || stepTimeoutMinutes > 10080)) {
                throw new IllegalArgumentException("stepTimeoutMinutes must be 1 to 10080, was " + stepTimeoutMinutes);
            }
            this.stepTimeoutMinutes = stepTimeoutMinutes;
            return this;
        }

        /** How often a running step's timer is renewed; keep it well under the step timeout. */
        public Builder heartbeatInterval(Duration heartbeatInterval) {
            this.heartbeatInterval = positive(heartbeatInterval, "heartbeatInterval");
            return this;
        }

        /**
         * How often a running step's execution is looked up (DescribeJobExecution) to learn that it was canceled, so the
         * step's processes are killed within about this long. Ticks that send a heartbeat need no lookup.
         */
        public Builder cancelCheckInterval(Duration cancelCheckInterval) {
            this.cancelCheckInterval = positive(cancelCheckInterval, "cancelCheckInterval");
            return this;
        }

        /** How long to wait before asking again when nothing is pending. */
        public Builder idlePollInterval(Duration idlePollInterval) {
            this.idlePollInterval = positive(idlePollInterval, "idlePollInterval");
            return this;
        }

        /** The waits after consecutive failures (only the delays are used; the agent never gives up). */
        public Builder backoff(RetryPolicy backoff) {
            this.backoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** Caps download steps at this many bytes per second; 0 (the default) for no limit. */
        public Builder downloadBytesPerSecond(long bytesPerSecond) {
            if (bytesPerSecond < 0) {
                throw new IllegalArgumentException("downloadBytesPerSecond must not be negative, was " + bytesPerSecond);
            }
            this.downloadBytesPerSecond = bytesPerSecond;
            return this;
        }

        public Builder listener(AgentListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public JobsAgent build() {
            if (stepTimeoutMinutes != null && heartbeatInterval.compareTo(Duration.ofMinutes(stepTimeoutMinutes)) >= 0) {
                throw new IllegalArgumentException("heartbeatInterval " + heartbeatInterval + " must be shorter than the step timeout of "
                        + stepTimeoutMinutes + " minutes");
            }
            return new JobsAgent(this);
        }

        private static Duration positive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + duration);
            }
            return duration;
        }
    }
}
