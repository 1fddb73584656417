package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a job's progress: a bar per execution status and the rate at which executions finish. */
final class ProgressView {

    static final int BAR_WIDTH = 30;

    /** The {@code jobProcessDetails} counters, by execution status, in display order. */
    private static final Map<String, String> COUNTERS = new LinkedHashMap<>();

    static {
        COUNTERS.put("QUEUED", "numberOfQueuedThings");
        COUNTERS.put("IN_PROGRESS", "numberOfInProgressThings");
        COUNTERS.put("SUCCEEDED", "numberOfSucceededThings");
        COUNTERS.put("FAILED", "numberOfFailedThings");
        COUNTERS.put("REJECTED", "numberOfRejectedThings");
        COUNTERS.put("TIMED_OUT", "numberOfTimedOutThings");
        COUNTERS.put("CANCELED", "numberOfCanceledThings");
        COUNTERS.put("REMOVED", "numberOfRemovedThings");
    }

    /** Every execution status a job counts. */
    static final List<String> STATUSES = List.copyOf(COUNTERS.keySet());

    private static final List<String> ALWAYS_SHOWN = List.of("QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED");

    private ProgressView() {
    }

    static Map<String, Long> counts(JsonNode job) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode details = job.path("jobProcessDetails");
        COUNTERS.forEach((status, member) -> counts.put(status, details.path(member).asLong(0)));
        return counts;
    }

    static long finished(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("QUEUED") && !e.getKey().equals("IN_PROGRESS"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * The lines of one frame.
     *
     * @param finishedPerMinute executions that reached a terminal status per minute since watching began; null while unknown
     */
    static List<String> render(String jobId, String jobStatus, Map<String, Long> counts, Duration elapsed, Double finishedPerMinute) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Job %s  %s  %d/%d finished  elapsed %s  rate %s", jobId, jobStatus, finished(counts), total,
                clock(elapsed), finishedPerMinute == null ? "-" : String.format(Locale.ROOT, "%.1f/min", finishedPerMinute)));
        counts.forEach((status, count) -> {
            if (count > 0 || ALWAYS_SHOWN.contains(status)) {
                lines.add(String.format(Locale.ROOT, "  %-12s [%s] %d", status, bar(count, total), count));
            }
        });
        return lines;
    }

    static String bar(long count, long total) {
        int filled = total == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * count / total);
        return "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    }

    private static String clock(Duration elapsed) {
        long seconds = elapsed.toSeconds();
        return String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60);
    }
}
