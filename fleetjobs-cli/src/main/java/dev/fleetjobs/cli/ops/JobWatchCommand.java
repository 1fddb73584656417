package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fleetjobs job watch JOB}: polls DescribeJob and draws a bar per execution status and the
 * finishing rate until the job ends. On a terminal the frame is redrawn in place; otherwise each
 * changed frame is printed once.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Shows a job's progress live until it ends.",
                "Exit code 0 when the job completed and no execution ended in a --fail-on status; 1 when it was canceled or "
                        + "deleted, or some executions failed, timed out or were rejected."})
final class JobWatchCommand extends ControlPlaneCommand {

    private static final Set<String> ENDED = Set.of("COMPLETED", "CANCELED", "DELETION_IN_PROGRESS");

    @Parameters(paramLabel = "JOB_ID", description = "The job to watch.")
    String jobId;

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Time between polls (default: ${DEFAULT-VALUE}).")
    double intervalSeconds = 1;

    @Option(names = "--plain", description = "Never redraw in place, even on a terminal.")
    boolean plain;

    @Option(names = "--fail-on", paramLabel = "STATUS", split = ",",
            description = "Execution statuses that make the watch exit 1 once the job ends (default: ${DEFAULT-VALUE}); "
                    + "'none' for none.")
    List<String> failOn = List.of("FAILED", "TIMED_OUT", "REJECTED");

    @Override
    protected int run(ControlPlaneClient client) throws InterruptedException {
        if (intervalSeconds <= 0) {
            throw new IllegalArgumentException("--interval must be positive");
        }
        Set<String> failing = failingStatuses();
        boolean redraw = !plain && !json() && System.console() != null;
        PrintWriter out = out();
        Instant start = Instant.now();
        Long finishedAtStart = null;
        String lastShown = null;
        int shownLines = 0;
        while (true) {
            JsonNode job = client.get(ControlPlaneClient.path("/jobs/", jobId), Map.of()).path("job");
            String status = job.path("status").asText();
            Map<String, Long> counts = ProgressView.counts(job);
            long finished = ProgressView.finished(counts);
            finishedAtStart = finishedAtStart == null ? finished : finishedAtStart;
            Duration elapsed = Duration.between(start, Instant.now());
            Double rate = elapsed.toMillis() < 1000 ? null : (finished - finishedAtStart) * 60_000.0 / elapsed.toMillis();
            List<String> safeRollout = SafeRolloutView.jobLines(job);
            String state = status + counts + safeRollout;
            if (json()) {
                if (!state.equals(lastShown)) {
                    Map<String, Object> frame = new java.util.LinkedHashMap<>(Map.of("jobId", jobId, "status", status, "counts", counts,
                            "elapsedSeconds", elapsed.toSeconds()));
                    if (job.has("fleetjobs")) {
                        frame.put("fleetjobs", job.get("fleetjobs"));
                    }
                    printJson(frame);
                }
            } else if (redraw) {
                List<String> frame = new java.util.ArrayList<>(ProgressView.render(jobId, status, counts, elapsed, rate));
                frame.addAll(safeRollout);
                if (shownLines > 0) {
                    out.print("\u001b[" + shownLines + "A");
                }
                frame.forEach(line -> out.println(line + "\u001b[K"));
                shownLines = frame.size();
            } else if (!state.equals(lastShown)) {
                ProgressView.render(jobId, status, counts, elapsed, rate).forEach(out::println);
                safeRollout.forEach(out::println);
            }
            out.flush();
            lastShown = state;
            if (ENDED.contains(status)) {
                Map<String, Long> failed = new LinkedHashMap<>();
                counts.forEach((s, n) -> {
                    if (n > 0 && failing.contains(s)) {
                        failed.put(s, n);
                    }
                });
                if (!json()) {
                    StringBuilder ending = new StringBuilder("Job " + jobId + " ended: " + status);
                    failed.forEach((s, n) -> ending.append(", ").append(n).append(' ').append(s));
                    out.println(ending);
                    out.flush();
                }
                return status.equals("COMPLETED") && failed.isEmpty() ? 0 : 1;
            }
            Thread.sleep((long) (intervalSeconds * 1000));
        }
    }

    private Set<String> failingStatuses() {
        if (failOn.size() == 1 && failOn.get(0).equalsIgnoreCase("none")) {
            return Set.of();
        }
        Set<String> statuses = new java.util.HashSet<>();
        for (String status : failOn) {
            String upper = status.strip().toUpperCase(java.util.Locale.ROOT);
            if (!ProgressView.STATUSES.contains(upper)) {
                throw new picocli.CommandLine.ParameterException(spec().commandLine(), "--fail-on takes execution statuses ("
                        + String.join(", ", ProgressView.STATUSES) + ") or none, not " + status);
            }
            statuses.add(upper);
        }
        return statuses;
    }
}
