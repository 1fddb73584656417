package dev.fleetjobs.cli.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fleetjobs job ...}: jobs and their executions. */
@Command(name = "job", mixinStandardHelpOptions = true, description = "Creates, shows, lists, cancels, deletes and watches jobs.",
        subcommands = {JobCommand.Create.class, JobCommand.Describe.class, JobCommand.ListJobs.class, JobCommand.Cancel.class,
                JobCommand.Delete.class, JobCommand.Executions.class, JobCommand.Document.class, JobWatchCommand.class,
                JobPauseCommand.class, JobResumeCommand.class, JobRollbackCommand.class})
public final class JobCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a job from a job document file.",
                    "Targets are things (--thing), thing groups (--group) or ARNs (--target); configuration blocks of CreateJob "
                            + "(jobExecutionsRolloutConfig, abortConfig, timeoutConfig, jobExecutionsRetryConfig, ...) come from --config."})
    static final class Create extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The new job's id (letters, digits, - and _, up to 64).")
        String jobId;

        @Option(names = "--document", required = true, paramLabel = "FILE|JSON",
                description = "The job document: a file name, file://FILE, or inline JSON such as '{\"operation\":\"install\"}'.")
        String document;

        @Option(names = "--thing", paramLabel = "NAME", description = "A target thing; repeat for more.")
        List<String> things = new ArrayList<>();

        @Option(names = "--group", paramLabel = "NAME", description = "A target thing group; repeat for more.")
        List<String> groups = new ArrayList<>();

        @Option(names = "--target", paramLabel = "ARN", description = "A target thing or thing-group ARN; repeat for more.")
        List<String> targets = new ArrayList<>();

        @Option(names = "--description", paramLabel = "TEXT", description = "A description of the job, shown by job describe.")
        String description;

        @Option(names = "--target-selection", paramLabel = "SNAPSHOT|CONTINUOUS",
                description = "SNAPSHOT (default): the targets' things when the job is created; CONTINUOUS: also things that join a "
                        + "target group later.")
        String targetSelection;

        @Option(names = "--timeout-minutes", paramLabel = "N", description = "In-progress timeout of each execution (timeoutConfig).")
        Long timeoutMinutes;

        @Option(names = "--config", paramLabel = "FILE|JSON",
                description = "A JSON object of CreateJob members merged into the request (jobExecutionsRolloutConfig, abortConfig, ...): "
                        + "a file name, file://FILE or inline JSON; unknown members are refused.")
        String config;

        @Option(names = "--dry-run", description = {"Prints what CreateJob would do (targets reached, document, rollout timeline, "
                + "abort and timeout numbers) and every error it would give; creates nothing. Exit code 1 when it would refuse."})
        boolean dryRun;

        @Override
        protected int run(ControlPlaneClient client) throws IOException {
            ObjectNode body = ControlPlaneClient.object();
            List<String> arns = new ArrayList<>(targets);
            for (String thing : things) {
                arns.add(arnOf(client, "/things/", thing, "thingArn", "thing/"));
            }
            for (String group : groups) {
                arns.add(arnOf(client, "/thing-groups/", group, "thingGroupArn", "thinggroup/"));
            }
            if (arns.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Give at least one target: --thing, --group or --target");
            }
            if (config != null) {
                body.setAll(createJobMembers(config));
            }
            body.putArray("targets").addAll(arns.stream().map(a -> body.textNode(a)).toList());
            body.put("document", JsonArgument.text("--document", document));
            if (description != null) {
                body.put("description", description);
            }
            if (targetSelection != null) {
                body.put("targetSelection", targetSelection);
            }
            if (timeoutMinutes != null) {
                body.putObject("timeoutConfig").put("inProgressTimeoutInMinutes", timeoutMinutes);
            }
            if (dryRun) {
                JsonNode plan = SafeRolloutView.dryRun(client, jobId, body);
                if (json()) {
                    printJson(plan);
                } else {
                    SafeRolloutView.planLines(plan).forEach(out()::println);
                    out().flush();
                }
                return plan.path("valid").asBoolean() ? 0 : CliErrors.REFUSED;
            }
            printObject(client.call("PUT", ControlPlaneClient.path("/jobs/", jobId), Map.of(), body));
            return 0;
        }

        /** The ARN of a thing or group by name; in a dry run a missing one is named anyway, for the plan to report. */
        private String arnOf(ControlPlaneClient client, String path, String name, String member, String resource) {
            try {
                return client.get(ControlPlaneClient.path(path, name), Map.of()).path(member).asText();
            } catch (dev.fleetjobs.sdk.models.errors.ResourceNotFoundException e) {
                if (!dryRun) {
                    throw e;
                }
                return "arn:aws:iot:" + connection.region() + "::" + resource + name;
            }
        }

        /** The --config object, refused when it is not an object or names a member CreateJob does not have. */
        private static ObjectNode createJobMembers(String value) throws IOException {
            JsonNode extra = JsonArgument.tree("--config", value);
            if (!extra.isObject()) {
                throw new IllegalArgumentException("--config " + value + " must hold a JSON object of CreateJob members");
            }
            List<String> unknown = RequestShape.CREATE_JOB.unknownMembers(extra);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("--config " + value + ": unknown CreateJob member" + (unknown.size() > 1 ? "s " : " ")
                        + String.join(", ", unknown) + " (CreateJob takes " + String.join(", ", RequestShape.CREATE_JOB.memberNames()) + ")");
            }
            return (ObjectNode) extra;
        }
    }

    @Command(name = "describe", mixinStandardHelpOptions = true, description = "Shows a job and how many executions are in each status.")
    static final class Describe extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The job to show.")
        String jobId;

        @Override
        protected int run(ControlPlaneClient client) {
            JsonNode answer = client.get(ControlPlaneClient.path("/jobs/", jobId), Map.of());
            if (json()) {
                printJson(answer);
                return 0;
            }
            JsonNode job = TimeFields.readable(answer.path("job"));
            Table table = new Table("FIELD", "VALUE");
            for (Iterator<Map.Entry<String, JsonNode>> it = job.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getKey().equals("jobProcessDetails") && !field.getKey().equals("fleetjobs")) {
                    table.row(field.getKey(), text(field.getValue()));
                }
            }
            job.path("jobProcessDetails").fields().forEachRemaining(count -> table.row(count.getKey(), text(count.getValue())));
            table.print(out());
            SafeRolloutView.jobLines(job).forEach(out()::println);
            out().flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists jobs, all pages (ListJobs).")
    static final class ListJobs extends ControlPlaneCommand {

        @Option(names = "--status", description = "IN_PROGRESS, CANCELED, COMPLETED, DELETION_IN_PROGRESS or SCHEDULED.")
        String status;

        @Option(names = "--target-selection", paramLabel = "SNAPSHOT|CONTINUOUS", description = "Only jobs of this target selection.")
        String targetSelection;

        @Option(names = "--group", paramLabel = "NAME", description = "Only jobs that target this thing group.")
        String group;

        @Override
        protected int run(ControlPlaneClient client) {
            Map<String, String> filters = new LinkedHashMap<>();
            filters.put("status", status);
            filters.put("targetSelection", targetSelection);
            filters.put("thingGroupName", group);
            printList(client, "/jobs", filters, "jobs", new Table("JOB", "STATUS", "SELECTION", "CREATED"), j -> new Object[] {
                    text(j.get("jobId")), text(j.get("status")), text(j.get("targetSelection")), text(j.get("createdAt"))});
            return 0;
        }
    }

    @Command(name = "cancel", mixinStandardHelpOptions = true,
            description = "Cancels a job: queued executions become CANCELED, in-progress ones too with --force.")
    static final class Cancel extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The job to cancel.")
        String jobId;

        @Option(names = "--force", description = "Also cancel executions that are IN_PROGRESS.")
        boolean force;

        @Option(names = "--reason-code", paramLabel = "CODE",
                description = "Why the job was canceled, as a code of your own (upper-case letters, digits and _, e.g. OPERATOR); "
                        + "shown by job describe.")
        String reasonCode;

        @Option(names = "--comment", paramLabel = "TEXT", description = "Why the job was canceled, in words; shown by job describe.")
        String comment;

        @Override
        protected int run(ControlPlaneClient client) {
            ObjectNode body = ControlPlaneClient.object();
            if (reasonCode != null) {
                body.put("reasonCode", reasonCode);
            }
            if (comment != null) {
                body.put("comment", comment);
            }
            Map<String, String> query = new LinkedHashMap<>();
            query.put("force", force ? "true" : null);
            printObject(client.call("PUT", ControlPlaneClient.path("/jobs/", jobId, "/cancel"), query, body));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes a job (DeleteJob); an unfinished one only with --force.")
    static final class Delete extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The job to delete.")
        String jobId;

        @Option(names = "--force", description = "Also delete a job that is still IN_PROGRESS.")
        boolean force;

        @Override
        protected int run(ControlPlaneClient client) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("force", force ? "true" : null);
            client.call("DELETE", ControlPlaneClient.path("/jobs/", jobId), query, null);
            confirm("Deleting job " + jobId, "deleted", jobId);
            return 0;
        }
    }

    @Command(name = "executions", mixinStandardHelpOptions = true, description = "Lists a job's executions, one per thing.")
    static final class Executions extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The job whose executions to list.")
        String jobId;

        @Option(names = "--status", description = "Only executions in this status.")
        String status;

        @Override
        protected int run(ControlPlaneClient client) {
            printExecutions(client, ControlPlaneClient.path("/jobs/", jobId, "/things"), status, "THING", "thingArn");
            return 0;
        }
    }

    @Command(name = "document", mixinStandardHelpOptions = true, description = "Prints a job's document.")
    static final class Document extends ControlPlaneCommand {

        @Parameters(paramLabel = "JOB_ID", description = "The job whose document to print.")
        String jobId;

        @Override
        protected int run(ControlPlaneClient client) {
            JsonNode answer = client.get(ControlPlaneClient.path("/jobs/", jobId, "/job-document"), Map.of());
            if (json()) {
                printJson(answer);
            } else {
                out().println(answer.path("document").asText());
                out().flush();
            }
            return 0;
        }
    }
}
