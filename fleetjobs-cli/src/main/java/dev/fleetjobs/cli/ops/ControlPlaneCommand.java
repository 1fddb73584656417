package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.sdk.http.JsonCodec;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** A command that calls the control plane and prints a table or, with {@code --output json}, the answer. */
public abstract class ControlPlaneCommand implements Callable<Integer> {

    @Mixin
    ConnectionOptions connection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table (default) or json.")
    OutputFormat output = OutputFormat.TABLE;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return run(connection.controlPlane());
    }

    protected abstract int run(ControlPlaneClient client) throws Exception;

    protected CommandSpec spec() {
        return spec;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected boolean json() {
        return output == OutputFormat.JSON;
    }

    protected void printJson(Object value) {
        try {
            out().println(JsonCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
            out().flush();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Prints the answer as JSON, or its top-level members as a two-column table. */
    protected void printObject(JsonNode answer) {
        if (json()) {
            printJson(answer);
            return;
        }
        Table table = new Table("FIELD", "VALUE");
        for (Iterator<Map.Entry<String, JsonNode>> it = TimeFields.readable(answer).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            table.row(field.getKey(), text(field.getValue()));
        }
        table.print(out());
    }

    /** Gathers every page of a list operation and prints it as JSON, or as {@code table} with a row per item. */
    protected void printList(ControlPlaneClient client, String path, Map<String, String> filters, String listKey, Table table,
                             Function<JsonNode, Object[]> row) {
        Map<String, String> query = new LinkedHashMap<>(filters);
        query.put("maxResults", "250");
        List<JsonNode> items = client.listAll(path, query, listKey);
        if (json()) {
            printJson(Map.of(listKey, items));
            return;
        }
        items.forEach(item -> table.row(row.apply(TimeFields.readable(item))));
        table.print(out());
    }

    /** Prints a list of execution summaries (a job's, or a thing's), optionally of one status. */
    protected void printExecutions(ControlPlaneClient client, String path, String status, String header, String idMember) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        printList(client, path, filters, "executionSummaries", new Table(header, "EXECUTION", "STATUS"), e -> new Object[] {
                text(e.get(idMember)), text(e.path("jobExecutionSummary").get("executionNumber")),
                text(e.path("jobExecutionSummary").get("status"))});
    }

    /** Confirms an operation that answers nothing: a sentence, or {@code {"key": value}} as JSON. */
    protected void confirm(String sentence, String key, String value) {
        if (json()) {
            printJson(Map.of(key, value));
        } else {
            out().println(sentence);
            out().flush();
        }
    }

    protected static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
