package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs job pause JOB_ID [--reason TEXT]}: Fleetjobs' own {@code POST /_fleetjobs/jobs/{jobId}/pause}. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {"Pauses a job: it releases no more things and devices are offered none of its queued executions;",
                "executions in progress run on. Resume it with 'job resume'."})
final class JobPauseCommand extends ControlPlaneCommand {

    @Parameters(paramLabel = "JOB_ID", description = "The job to pause.")
    String jobId;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, shown with the pause.")
    String reason;

    @Override
    protected int run(ControlPlaneClient client) {
        ObjectNode body = ControlPlaneClient.object();
        if (reason != null) {
            body.put("reason", reason);
        }
        show(client.call("POST", ControlPlaneClient.path("/_fleetjobs/jobs/", jobId, "/pause"), Map.of(), body));
        return 0;
    }

    /** Prints a pause or resume answer: the job's status and its safe-rollout state. */
    static void print(ControlPlaneCommand command, JsonNode answer) {
        if (command.json()) {
            command.printJson(answer);
            return;
        }
        command.out().println("Job " + answer.path("jobId").asText() + " " + answer.path("status").asText());
        SafeRolloutView.jobLines(answer).forEach(command.out()::println);
        command.out().flush();
    }

    private void show(JsonNode answer) {
        print(this, answer);
    }
}
