package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.http.JsonCodec;
import dev.fleetjobs.sdk.models.errors.JobsServiceException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders Fleetjobs' own safe-rollout state for people: a job's pause, canary stages and gate
 * decisions and rollback links (DescribeJob's {@code fleetjobs} member), and a dry run's plan.
 */
final class SafeRolloutView {

    private SafeRolloutView() {
    }

    /** Lines about the job's pause, canary gates and rollback links; none for a job without them. */
    static List<String> jobLines(JsonNode job) {
        JsonNode member = job.path("fleetjobs");
        List<String> lines = new ArrayList<>();
        JsonNode pause = member.path("pause");
        if (!pause.isMissingNode()) {
            lines.add("PAUSED since " + time(pause.path("pausedAt")) + " by " + pause.path("cause").asText()
                    + (pause.hasNonNull("reason") ? ": " + pause.path("reason").asText() : ""));
        }
        JsonNode canary = member.path("canary");
        if (!canary.isMissingNode()) {
            lines.add(canaryLine(canary));
            canary.path("decisions").forEach(d -> lines.add("  " + decisionLine(d)));
        }
        JsonNode rollbackOf = member.path("rollbackOf");
        if (!rollbackOf.isMissingNode()) {
            lines.add("Rolls back job " + rollbackOf.path("jobId").asText() + ": " + rollbackOf.path("thingCount").asLong()
                    + " things whose latest execution was " + statuses(rollbackOf) + (rollbackOf.path("originalCanceled").asBoolean()
                    ? " (it was canceled first)" : ""));
        }
        member.path("rollbacks").forEach(r -> lines.add("Rolled back by job " + r.path("jobId").asText() + " ("
                + r.path("thingCount").asLong() + " things, " + statuses(r) + ")"));
        return lines;
    }

    private static String canaryLine(JsonNode canary) {
        String state = canary.path("state").asText();
        int stages = canary.path("stages").asInt();
        if (state.equals("PASSED")) {
            return stages == 1 ? "Canary: its gate passed" : "Canary: all " + stages + " gates passed";
        }
        String stage = "Canary: stage " + canary.path("currentStage").asInt() + " of " + stages;
        return switch (state) {
            case "WAITING_FOR_GATE" -> stage + ", " + count(canary.path("stageReleased").asLong(), "thing") + " released, waiting for its gate";
            case "GATE_FAILED" -> stage + ", its gate failed";
            case "PENDING" -> stage + ", nothing released yet";
            default -> stage + ", releasing" + (canary.hasNonNull("stageThings")
                    ? " (" + canary.path("stageReleased").asLong() + " of " + canary.path("stageThings").asLong() + ")" : "");
        };
    }

    static String decisionLine(JsonNode d) {
        return String.format(Locale.ROOT, "gate %d %s at %s: %d of %d finished succeeded (%s%%, needs %s%%), %d released%s",
                d.path("stage").asInt(), d.path("outcome").asText(), time(d.path("decidedAt")), d.path("succeeded").asLong(),
                d.path("finished").asLong(), d.path("successPercentage").asText(), d.path("minSuccessPercentage").asText(),
                d.path("released").asLong(), d.hasNonNull("action") ? " -> " + d.path("action").asText() : "");
    }

    /**
     * {@code POST /_fleetjobs/jobs/{jobId}/dry-run}: the plan, also when CreateJob would refuse the
     * job (the server then answers with CreateJob's refusal, the plan beside its message).
     */
    static JsonNode dryRun(ControlPlaneClient client, String jobId, JsonNode body) {
        try {
            return client.call("POST", ControlPlaneClient.path("/_fleetjobs/jobs/", jobId, "/dry-run"), Map.of(), body);
        } catch (JobsServiceException refused) {
            JsonNode plan = parse(refused.rawBody());
            if (plan == null || !plan.has("errors")) {
                throw refused;
            }
            return plan;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text == null ? null : JsonCodec.mapper().readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The lines of a dry run's plan. */
    static List<String> planLines(JsonNode plan) {
        List<String> lines = new ArrayList<>();
        JsonNode errors = plan.path("errors");
        lines.add("Dry run of job " + plan.path("jobId").asText() + ": " + (plan.path("valid").asBoolean()
                ? "CreateJob would create it; nothing was created."
                : "CreateJob would refuse it with " + errors.size() + (errors.size() == 1 ? " error" : " errors") + "; nothing was created."));
        errors.forEach(e -> lines.add("  error: " + e.path("errorType").asText() + ": " + e.path("message").asText()));
        if (plan.hasNonNull("status")) {
            lines.add("Status at creation: " + plan.path("status").asText() + " (" + plan.path("targetSelection").asText() + ")");
        }
        targetLines(plan.path("targets"), lines);
        if (plan.hasNonNull("document")) {
            lines.add("Document: " + plan.path("document").asText().strip());
        }
        rolloutLines(plan.path("rollout"), lines);
        plan.path("abort").forEach(a -> lines.add(String.format(Locale.ROOT,
                "Abort: %s at %s%% once %s were notified: %s at that point%s", a.path("failureType").asText(),
                a.path("thresholdPercentage").asText(), count(a.path("minNumberOfExecutedThings").asLong(), "thing"),
                count(a.path("failuresToAbortAtMinimum").asLong(), "failure"),
                a.hasNonNull("failuresToAbortWhenAllNotified") ? ", " + count(a.path("failuresToAbortWhenAllNotified").asLong(), "failure")
                        + " once every thing was notified" : "; the job reaches too few things for it")));
        if (plan.hasNonNull("timeoutConfig")) {
            lines.add("Timeout: an execution in progress times out after " + plan.path("timeoutConfig").path("inProgressTimeoutInMinutes").asLong()
                    + " minutes");
        }
        JsonNode retry = plan.path("retry");
        if (!retry.isMissingNode()) {
            List<String> retries = new ArrayList<>();
            retry.path("retriesByFailureType").fields().forEachRemaining(e -> retries.add(e.getKey() + " up to "
                    + count(e.getValue().asLong(), "time")));
            lines.add("Retries: " + String.join(", ", retries) + "; at most " + count(retry.path("maxExecutionsPerThing").asLong(), "execution")
                    + " per thing");
        }
        return lines;
    }

    private static void targetLines(JsonNode targets, List<String> lines) {
        if (targets.isMissingNode()) {
            return;
        }
        lines.add(String.format(Locale.ROOT, "Targets: %d given, %d distinct %s reached (%d reached more than once)",
                targets.path("given").asInt(), targets.path("reached").asLong(), targets.path("reached").asLong() == 1 ? "thing" : "things",
                targets.path("duplicates").asLong()));
        if (targets.path("things").size() > 0) {
            lines.add("  things: " + join(targets.path("things")));
        }
        targets.path("thingGroups").forEach(g -> lines.add("  group " + g.path("thingGroupName").asText() + ": "
                + count(g.path("things").asLong(), "thing") + ", its subgroups included"));
        if (targets.path("missingThings").size() > 0) {
            lines.add("  missing things: " + join(targets.path("missingThings")));
        }
        if (targets.path("missingThingGroups").size() > 0) {
            lines.add("  missing groups: " + join(targets.path("missingThingGroups")));
        }
        if (targets.path("withUnfinishedExecution").asLong() > 0) {
            lines.add("  with an unfinished execution of a job with this id: " + targets.path("withUnfinishedExecution").asLong() + " ("
                    + join(targets.path("withUnfinishedExecutionSample")) + ")");
        }
    }

    private static void rolloutLines(JsonNode rollout, List<String> lines) {
        if (rollout.isMissingNode()) {
            return;
        }
        rollout.path("canaryStages").forEach(s -> lines.add(String.format(Locale.ROOT,
                "Canary stage %d: %s; its gate waits for %d finished and needs %s%% succeeded, else %s", s.path("stage").asInt(),
                count(s.path("things").asLong(), "thing"), s.path("minFinishedThings").asLong(), s.path("minSuccessPercentage").asText(),
                s.path("onFailure").asText())));
        if (rollout.hasNonNull("allReleasedAt")) {
            lines.add("Rollout: every thing released by " + time(rollout.path("allReleasedAt")) + " (in "
                    + rollout.path("minutesToReleaseAll").asLong() + " minutes)");
        } else if (rollout.path("unreleased").asLong() > 0) {
            lines.add("Rollout: " + rollout.path("unreleased").asLong() + " things would never be released");
        }
        rollout.path("releases").forEach(r -> {
            String from = time(r.path("from"));
            String to = time(r.path("to"));
            lines.add(String.format(Locale.ROOT, "  %s  %s%s", from.equals(to) ? from : from + " .. " + to,
                    from.equals(to) ? count(r.path("things").asLong(), "thing") : count(r.path("things").asLong(), "thing") + ", "
                            + r.path("perRelease").asLong() + " a minute",
                    r.hasNonNull("canaryStage") ? " (canary stage " + r.path("canaryStage").asInt() + ")" : ""));
        });
        if (rollout.path("truncated").asBoolean()) {
            lines.add("  ...");
        }
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String statuses(JsonNode link) {
        List<String> names = new ArrayList<>();
        link.path("statuses").forEach(s -> names.add(s.asText()));
        return String.join(" or ", names);
    }

    private static String join(JsonNode names) {
        List<String> parts = new ArrayList<>();
        names.forEach(n -> parts.add(n.asText()));
        return String.join(", ", parts);
    }

    /** Epoch seconds with a fraction, as the control plane writes times, in ISO-8601 UTC (a time already made readable stays as it is). */
    static String time(JsonNode seconds) {
        if (seconds != null && seconds.isTextual()) {
            return seconds.asText();
        }
        if (seconds == null || !seconds.isNumber()) {
            return "-";
        }
        BigDecimal millis = seconds.decimalValue().movePointRight(3);
        return Instant.ofEpochMilli(millis.longValue()).toString();
    }
}
