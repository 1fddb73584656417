package dev.fleetjobs.cli.bench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results of a run as a table for people or as JSON for machines, each scenario with its ratio to noop. */
final class BenchReport {

    private final String heading;
    private final Map<String, Object> settings;
    private final List<ScenarioResult> results;

    BenchReport(String heading, Map<String, Object> settings, List<ScenarioResult> results) {
        this.heading = heading;
        this.settings = settings;
        this.results = List.copyOf(results);
    }

    /** A scenario's operations per second over noop's of the same run; null without a noop figure. */
    Double ratioToNoop(ScenarioResult result) {
        double noop = opsPerSecond(NoopScenario.NAME);
        return noop <= 0 ? null : result.opsPerSecond() / noop;
    }

    /** Signed noop over unsigned noop: what SigV4 leaves of the cheapest request's rate. */
    Double signedToUnsigned() {
        double unsigned = opsPerSecond(NoopScenario.UNSIGNED_NAME);
        double signed = opsPerSecond(NoopScenario.NAME);
        return unsigned <= 0 || signed <= 0 ? null : signed / unsigned;
    }

    boolean anyFailed() {
        return results.stream().anyMatch(ScenarioResult::failed);
    }

    void printTable(PrintWriter out) {
        out.println(heading);
        out.printf(Locale.ROOT, "%-14s %12s %9s %9s %9s %8s %8s%n", "SCENARIO", "OPS/S", "P50 MS", "P99 MS", "P999 MS", "ERRORS", "VS NOOP");
        for (ScenarioResult r : results) {
            Double ratio = ratioToNoop(r);
            out.printf(Locale.ROOT, "%-14s %,12.0f %9.2f %9.2f %9.2f %,8d %8s%n", r.name(), r.opsPerSecond(), r.latency().p50(),
                    r.latency().p99(), r.latency().p999(), r.errors(), ratio == null ? "-" : String.format(Locale.ROOT, "%.2f", ratio));
        }
        Double signedToUnsigned = signedToUnsigned();
        if (signedToUnsigned != null) {
            out.printf(Locale.ROOT, "noop / unsigned-noop: %.2f (what SigV4 verification leaves of the cheapest request's rate)%n",
                    signedToUnsigned);
        }
        for (ScenarioResult r : results) {
            StringBuilder line = new StringBuilder(r.name()).append(": ").append(r.unit());
            r.details().forEach((name, value) -> line.append(", ").append(name).append(' ').append(format(value)));
            out.println(line);
            if (r.check().passed() != null) {
                out.println("  check " + (r.check().passed() ? "ok" : "FAILED") + ": " + r.check().detail());
            }
            r.notes().forEach(note -> out.println("  note: " + note));
            r.errorSamples().forEach(sample -> out.println("  error: " + sample));
        }
        out.flush();
    }

    void printJson(PrintWriter out) {
        ObjectNode root = Answer.JSON.createObjectNode();
        root.put("heading", heading);
        root.set("settings", Answer.JSON.valueToTree(settings));
        Double signedToUnsigned = signedToUnsigned();
        if (signedToUnsigned != null) {
            root.put("noopToUnsignedNoop", round(signedToUnsigned));
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (ScenarioResult r : results) {
            ObjectNode node = scenarios.addObject();
            node.put("name", r.name());
            node.put("unit", r.unit());
            node.put("opsPerSecond", round(r.opsPerSecond()));
            node.put("ops", r.ops());
            node.put("seconds", round(r.seconds()));
            ObjectNode latency = node.putObject("latencyMs");
            latency.put("p50", r.latency().p50());
            latency.put("p99", r.latency().p99());
            latency.put("p999", r.latency().p999());
            latency.put("max", r.latency().max());
            node.put("errors", r.errors());
            Double ratio = ratioToNoop(r);
            if (ratio != null) {
                node.put("ratioToNoop", round(ratio));
            }
            ObjectNode check = node.putObject("check");
            if (r.check().passed() != null) {
                check.put("passed", r.check().passed());
            } else {
                check.putNull("passed");
            }
            check.put("detail", r.check().detail());
            node.set("details", Answer.JSON.valueToTree(r.details()));
            node.set("notes", Answer.JSON.valueToTree(r.notes()));
            node.set("errorSamples", Answer.JSON.valueToTree(r.errorSamples()));
        }
        try {
            out.println(Answer.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the report cannot be written as JSON", e);
        }
        out.flush();
    }

    private double opsPerSecond(String name) {
        return results.stream().filter(r -> r.name().equals(name)).mapToDouble(ScenarioResult::opsPerSecond).findFirst().orElse(0);
    }

    private static String format(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
        }
        return String.valueOf(value);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
