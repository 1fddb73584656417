package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs job rollback JOB_ID --document FILE ...}: Fleetjobs' own {@code POST /_fleetjobs/jobs/{jobId}/rollback}. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {"Creates a rollback job: a new job with its own document that targets exactly the things whose latest execution",
                "of JOB_ID has one of the given statuses (default SUCCEEDED and IN_PROGRESS). Its id is JOB_ID-rollback unless given."})
final class JobRollbackCommand extends ControlPlaneCommand {

    @Parameters(paramLabel = "JOB_ID", description = "The job to roll back.")
    String jobId;

    @Option(names = "--document", required = true, paramLabel = "FILE|JSON",
            description = "The rollback job's document: a file name, file://FILE, or inline JSON.")
    String document;

    @Option(names = "--status", split = ",", paramLabel = "STATUS",
            description = "Target things whose latest execution has one of these (comma-separated): SUCCEEDED, IN_PROGRESS, FAILED, ...")
    List<String> statuses = new ArrayList<>();

    @Option(names = "--job-id", paramLabel = "ID", description = "The rollback job's id (default: JOB_ID-rollback, then -rollback-2, ...).")
    String rollbackJobId;

    @Option(names = "--cancel-original", description = "Cancel JOB_ID first if it is still running.")
    boolean cancelOriginal;

    @Option(names = "--description", paramLabel = "TEXT", description = "A description of the rollback job.")
    String description;

    @Option(names = "--timeout-minutes", paramLabel = "N", description = "In-progress timeout of each execution (timeoutConfig).")
    Long timeoutMinutes;

    @Option(names = "--config", paramLabel = "FILE|JSON",
            description = "A JSON object of run configuration (jobExecutionsRolloutConfig, abortConfig, fleetjobs.canaryConfig, ...): "
                    + "a file name, file://FILE or inline JSON.")
    String config;

    @Override
    protected int run(ControlPlaneClient client) throws IOException {
        ObjectNode body = ControlPlaneClient.object();
        if (config != null) {
            JsonNode extra = JsonArgument.tree("--config", config);
            if (!extra.isObject()) {
                throw new CommandLine.ParameterException(spec().commandLine(), "--config must hold a JSON object: " + config);
            }
            body.setAll((ObjectNode) extra);
        }
        body.put("document", JsonArgument.text("--document", document));
        if (!statuses.isEmpty()) {
            ArrayNode list = body.putArray("statuses");
            statuses.forEach(s -> list.add(s.trim()));
        }
        if (rollbackJobId != null) {
            body.put("rollbackJobId", rollbackJobId);
        }
        if (cancelOriginal) {
            body.put("cancelOriginal", true);
        }
        if (description != null) {
            body.put("description", description);
        }
        if (timeoutMinutes != null) {
            body.putObject("timeoutConfig").put("inProgressTimeoutInMinutes", timeoutMinutes);
        }
        JsonNode answer = client.call("POST", ControlPlaneClient.path("/_fleetjobs/jobs/", jobId, "/rollback"), Map.of(), body);
        if (json()) {
            printJson(answer);
            return 0;
        }
        JsonNode link = answer.path("rollbackOf");
        out().println("Created rollback job " + answer.path("jobId").asText() + " for " + link.path("thingCount").asLong()
                + " things of job " + link.path("jobId").asText() + (link.path("originalCanceled").asBoolean()
                ? " (canceled first)" : ""));
        out().flush();
        return 0;
    }
}
