package dev.fleetjobs.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetjobs.cli.FleetjobsCommand;
import dev.fleetjobs.sdk.JobsDataClient;
import dev.fleetjobs.sdk.auth.AwsCredentials;
import dev.fleetjobs.sdk.http.RetryPolicy;
import dev.fleetjobs.sdk.models.operations.UpdateJobExecutionRequestBody;
import dev.fleetjobs.sdk.models.shared.JobExecutionStatus;
import dev.fleetjobs.sdk.models.shared.Security;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The operator commands through picocli, in-process, against a live server. */
class CliCommandsTest {

    private static final String KEY = "FJIACLITESTKEY000001";
    private static final String SECRET = "cli-test-secret-0000000000000000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private FleetjobsServer server;
    private Cli cli;
    private String endpoint;

    @BeforeEach
    void start() throws Exception {
        server = FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data")).withRootCredentials(KEY, SECRET));
        endpoint = "http://127.0.0.1:" + server.port();
        cli = new Cli(Map.of("FLEETJOBS_URL", endpoint, "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void thingsAreCreatedShownListedAndDeleted() throws Exception {
        Cli.Result created = cli.run("thing", "create", "pump:1", "--attribute", "site=north");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("thingName").contains("pump:1").contains("arn:aws:iot:us-east-1:000000000000:thing/pump:1");
        cli.run("thing", "create", "pump-2");

        JsonNode described = JSON.readTree(cli.run("thing", "describe", "pump:1", "--output", "json").out());
        assertThat(described.get("attributes").get("site").asText()).isEqualTo("north");

        Cli.Result listed = cli.run("thing", "list");
        assertThat(listed.out().lines().toList()).hasSize(3);
        assertThat(listed.out().lines().findFirst().orElseThrow()).startsWith("NAME").contains("ARN");
        assertThat(listed.out()).contains("pump:1").contains("{\"site\":\"north\"}").contains("pump-2");

        assertThat(cli.run("thing", "delete", "pump-2").out()).contains("Deleted thing pump-2");
        JsonNode remaining = JSON.readTree(cli.run("thing", "list", "-o", "JSON").out());
        assertThat(remaining.get("things")).hasSize(1);
    }

    @Test
    void jobsAreCreatedFromADocumentFileWithTargetsAndConfigs() throws Exception {
        cli.run("thing", "create", "a");
        cli.run("thing", "create", "b");
        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"install\",\"version\":\"2.0\"}");
        Path config = Files.writeString(temp.resolve("config.json"), "{\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":30}}");

        Cli.Result created = cli.run("job", "create", "fw-2", "--document", document.toString(), "--thing", "a", "--thing", "b",
                "--config", config.toString(), "--description", "firmware 2.0");
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).contains("arn:aws:iot:us-east-1:000000000000:job/fw-2");

        JsonNode job = JSON.readTree(cli.run("job", "describe", "fw-2", "-o", "json").out()).get("job");
        assertThat(job.get("targets")).extracting(JsonNode::asText)
                .containsExactly("arn:aws:iot:us-east-1:000000000000:thing/a", "arn:aws:iot:us-east-1:000000000000:thing/b");
        assertThat(job.get("timeoutConfig").get("inProgressTimeoutInMinutes").asLong()).isEqualTo(30);
        assertThat(job.get("description").asText()).isEqualTo("firmware 2.0");
        Cli.Result table = cli.run("job", "describe", "fw-2");
        assertThat(table.out()).containsPattern("status\\s+IN_PROGRESS").containsPattern("numberOfQueuedThings\\s+2");

        assertThat(cli.run("job", "document", "fw-2").out().strip()).isEqualTo("{\"operation\":\"install\",\"version\":\"2.0\"}");
        assertThat(cli.run("job", "executions", "fw-2").out()).containsPattern("thing/a\\s+1\\s+QUEUED").containsPattern("thing/b\\s+1\\s+QUEUED");
        assertThat(cli.run("thing", "jobs", "a").out()).containsPattern("fw-2\\s+1\\s+QUEUED");

        Cli.Result canceled = cli.run("job", "cancel", "fw-2", "--reason-code", "OPERATOR", "--comment", "wrong build");
        assertThat(canceled.exitCode()).as(canceled.err()).isZero();
        JsonNode after = JSON.readTree(cli.run("job", "describe", "fw-2", "-o", "json").out()).get("job");
        assertThat(after.get("status").asText()).isEqualTo("CANCELED");
        assertThat(after.get("reasonCode").asText()).isEqualTo("OPERATOR");
        assertThat(after.get("jobProcessDetails").get("numberOfCanceledThings").asLong()).isEqualTo(2);
    }

    @Test
    void groupsGetThingsAndJobsAreListedAndDeleted() throws Exception {
        cli.run("thing", "create", "a");
        cli.run("thing", "create", "b");
        Cli.Result group = cli.run("group", "create", "fleet", "--description", "all pumps");
        assertThat(group.exitCode()).as(group.err()).isZero();
        assertThat(group.out()).contains("arn:aws:iot:us-east-1:000000000000:thinggroup/fleet");
        assertThat(cli.run("group", "create", "fleet-east", "--parent", "fleet").exitCode()).isZero();
        Cli.Result added = cli.run("group", "add-thing", "fleet", "a");
        assertThat(added.exitCode()).as(added.err()).isZero();
        assertThat(added.out().strip()).isEqualTo("Added thing a to group fleet");
        assertThat(cli.run("group", "remove-thing", "fleet", "a").out().strip()).isEqualTo("Removed thing a from group fleet");
        assertThat(cli.run("group", "add-thing", "fleet", "a").exitCode()).isZero();
        assertThat(cli.run("group", "add-thing", "fleet-east", "b").exitCode()).isZero();

        assertThat(cli.run("group", "things", "fleet").out().lines().toList()).containsExactly("THING", "a");
        assertThat(cli.run("group", "things", "fleet", "--recursive").out().lines().skip(1).toList()).containsExactlyInAnyOrder("a", "b");
        Cli.Result missing = cli.run("group", "things", "nowhere");
        assertThat(missing.exitCode()).isEqualTo(CliErrors.REFUSED);
        assertThat(missing.err()).startsWith("error: ResourceNotFoundException: ");

        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"install\"}");
        Cli.Result created = cli.run("job", "create", "fleet-fw", "--document", document.toString(), "--group", "fleet");
        assertThat(created.exitCode()).as(created.err()).isZero();
        JsonNode job = JSON.readTree(cli.run("job", "describe", "fleet-fw", "-o", "json").out()).get("job");
        assertThat(job.get("jobProcessDetails").get("numberOfQueuedThings").asLong()).as("a group target reaches its subgroups")
                .isEqualTo(2);
        cli.run("job", "create", "single", "--document", document.toString(), "--thing", "a");

        Cli.Result listed = cli.run("job", "list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out().lines().findFirst().orElseThrow()).startsWith("JOB").contains("STATUS").contains("SELECTION");
        assertThat(listed.out()).containsPattern("fleet-fw\\s+IN_PROGRESS\\s+SNAPSHOT").containsPattern("single\\s+IN_PROGRESS");
        JsonNode byGroup = JSON.readTree(cli.run("job", "list", "--group", "fleet", "-o", "json").out());
        assertThat(byGroup.get("jobs")).extracting(j -> j.get("jobId").asText()).containsExactly("fleet-fw");
        assertThat(JSON.readTree(cli.run("job", "list", "--status", "COMPLETED", "-o", "json").out()).get("jobs")).isEmpty();

        Cli.Result unfinished = cli.run("job", "delete", "fleet-fw");
        assertThat(unfinished.exitCode()).isEqualTo(CliErrors.REFUSED);
        assertThat(unfinished.err()).startsWith("error: InvalidStateTransitionException: ").contains("force");
        Cli.Result deleted = cli.run("job", "delete", "fleet-fw", "--force");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();
        assertThat(deleted.out()).contains("Deleting job fleet-fw");
        await().atMost(Duration.ofSeconds(30)).until(() -> cli.run("job", "describe", "fleet-fw").exitCode() == CliErrors.REFUSED);
        assertThat(cli.run("job", "describe", "fleet-fw").err()).startsWith("error: ResourceNotFoundException: ");
        assertThat(JSON.readTree(cli.run("job", "list", "-o", "json").out()).get("jobs"))
                .extracting(j -> j.get("jobId").asText()).containsExactly("single");
        assertThat(cli.run("thing", "jobs", "b").out()).doesNotContain("fleet-fw");
    }

    @Test
    void errorsGiveAClearMessageAndANonZeroExitCode() throws Exception {
        Cli.Result missing = cli.run("job", "describe", "nope");
        assertThat(missing.exitCode()).isEqualTo(CliErrors.REFUSED);
        assertThat(missing.err()).startsWith("error: ResourceNotFoundException: ").contains("nope");
        assertThat(missing.out()).isEmpty();

        cli.run("thing", "create", "a");
        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"install\"}");
        Path unsupported = Files.writeString(temp.resolve("abort.json"),
                "{\"abortConfig\":{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\",\"thresholdPercentage\":150,"
                        + "\"minNumberOfExecutedThings\":1}]}}");
        Cli.Result refused = cli.run("job", "create", "j", "--document", document.toString(), "--thing", "a", "--config", unsupported.toString());
        assertThat(refused.exitCode()).isEqualTo(CliErrors.REFUSED);
        assertThat(refused.err()).startsWith("error: InvalidRequestException: ").contains("thresholdPercentage");

        Cli.Result noTarget = cli.run("job", "create", "j", "--document", document.toString());
        assertThat(noTarget.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(noTarget.err()).contains("Give at least one target");
        Cli.Result badConfig = cli.run("job", "create", "j", "--document", document.toString(), "--thing", "a", "--config",
                Files.writeString(temp.resolve("bad.json"), "{oops").toString());
        assertThat(badConfig.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(badConfig.err()).contains("is not JSON");
        assertThat(cli.run("thing", "frobnicate").exitCode()).isEqualTo(CliErrors.USAGE);

        Cli.Result noCredentials = new Cli(Map.of("FLEETJOBS_URL", endpoint)).run("thing", "list");
        assertThat(noCredentials.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(noCredentials.err()).contains("AWS_ACCESS_KEY_ID");

        Cli.Result wrongSecret = new Cli(Map.of("FLEETJOBS_URL", endpoint, "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", "wrong"))
                .run("thing", "list");
        assertThat(wrongSecret.exitCode()).isEqualTo(CliErrors.REFUSED);
        assertThat(wrongSecret.err()).startsWith("error: InvalidSignatureException: ");

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Result unreachable = cli.run("thing", "list", "--endpoint", "http://127.0.0.1:" + closedPort);
        assertThat(unreachable.exitCode()).isEqualTo(CliErrors.UNREACHABLE);
        assertThat(unreachable.err()).startsWith("error: cannot reach the server: ");
    }

    @Test
    void everyCommandHasHelp() {
        List<List<String>> paths = new ArrayList<>();
        collect(FleetjobsCommand.commandLine(Map.of()), new ArrayList<>(), paths);
        assertThat(paths).extracting(p -> String.join(" ", p)).contains("thing create", "job watch", "job list", "job delete",
                "group add-thing", "agent", "server");
        for (List<String> path : paths) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            Cli.Result help = cli.run(args.toArray(String[]::new));
            assertThat(help.exitCode()).as(String.join(" ", args)).isZero();
            assertThat(help.out()).as(String.join(" ", args)).startsWith("Usage: fleetjobs").contains("-h, --help");
        }
    }

    @Test
    void everyOptionAndParameterSaysWhatItIsAndEveryCommandItsVersion() {
        List<List<String>> paths = new ArrayList<>();
        collect(FleetjobsCommand.commandLine(Map.of()), new ArrayList<>(), paths);
        paths.add(List.of());
        for (List<String> path : paths) {
            CommandLine command = FleetjobsCommand.commandLine(Map.of());
            for (String name : path) {
                command = command.getSubcommands().get(name);
            }
            String where = "fleetjobs " + String.join(" ", path);
            // "null" in a description is a ${...} placeholder that picocli interpolated away.
            command.getCommandSpec().options().forEach(option -> assertThat(String.join(" ", option.description()))
                    .as(where + " " + option.longestName()).isNotBlank().doesNotContainPattern("\\bnull\\b"));
            command.getCommandSpec().positionalParameters().forEach(parameter -> assertThat(String.join(" ", parameter.description()))
                    .as(where + " " + parameter.paramLabel()).isNotBlank());
            List<String> args = new ArrayList<>(path);
            args.add("--version");
            Cli.Result version = cli.run(args.toArray(String[]::new));
            assertThat(version.exitCode()).as(where).isZero();
            assertThat(version.out().strip()).as(where).matches("fleetjobs \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit [0-9a-f]{7,}, \\d{4}-\\d\\d-\\d\\d\\)");
        }
    }

    @Test
    void tablesShowTimesAsIsoInstantsAndJsonKeepsTheApiNumbers() throws Exception {
        cli.run("thing", "create", "t1");
        cli.run("group", "create", "g1");
        cli.run("job", "create", "j-time", "--document", "{\"operation\":\"install\"}", "--thing", "t1");
        String iso = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

        assertThat(cli.run("job", "describe", "j-time").out()).containsPattern("createdAt\\s+" + iso).containsPattern("lastUpdatedAt\\s+" + iso)
                .doesNotContainPattern("\\dE9");
        assertThat(cli.run("job", "list").out()).containsPattern("j-time\\s+IN_PROGRESS\\s+SNAPSHOT\\s+" + iso);
        assertThat(cli.run("group", "describe", "g1").out()).containsPattern("\"creationDate\":\"" + iso + "\"");
        JsonNode json = JSON.readTree(cli.run("job", "describe", "j-time", "-o", "json").out()).get("job");
        assertThat(json.get("createdAt").isNumber()).isTrue();
        assertThat(JSON.readTree(cli.run("group", "describe", "g1", "-o", "json").out()).get("thingGroupMetadata").get("creationDate")
                .isNumber()).isTrue();
    }

    @Test
    void documentsAndConfigsAreFilesFileUrlsOrInlineJsonAndUnknownConfigMembersAreRefusedByName() throws Exception {
        cli.run("thing", "create", "a");
        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"from-file\"}");
        assertThat(cli.run("job", "create", "by-url", "--document", "file://" + document, "--thing", "a").exitCode()).isZero();
        assertThat(cli.run("job", "document", "by-url").out().strip()).isEqualTo("{\"operation\":\"from-file\"}");
        assertThat(cli.run("job", "create", "inline", "--document", "{\"operation\":\"inline\"}", "--thing", "a",
                "--config", "{\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":5}}").exitCode()).isZero();
        assertThat(cli.run("job", "document", "inline").out().strip()).isEqualTo("{\"operation\":\"inline\"}");
        assertThat(JSON.readTree(cli.run("job", "describe", "inline", "-o", "json").out()).get("job").get("jobExecutionsRolloutConfig")
                .get("maximumPerMinute").asInt()).isEqualTo(5);

        Cli.Result missing = cli.run("job", "create", "j", "--document", "nosuch.json", "--thing", "a");
        assertThat(missing.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(missing.err().strip()).isEqualTo("error: --document nosuch.json: no such file. Give a file name, file://FILE, or "
                + "inline JSON such as '{\"operation\":\"install\"}'.");
        Cli.Result brokenInline = cli.run("job", "create", "j", "--document", "{\"operation\":", "--thing", "a");
        assertThat(brokenInline.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(brokenInline.err()).startsWith("error: --document inline JSON is not JSON: ");

        Path typo = Files.writeString(temp.resolve("rollout.json"),
                "{\"jobExecutionRolloutConfig\":{\"maximumPerMinute\":5},\"abortConfig\":{\"criteriaList\":[{\"failureType\":\"FAILED\","
                        + "\"action\":\"CANCEL\",\"threshold\":10,\"minNumberOfExecutedThings\":1}]}}");
        Cli.Result refused = cli.run("job", "create", "j", "--document", document.toString(), "--thing", "a", "--config", typo.toString());
        assertThat(refused.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(refused.err()).startsWith("error: --config " + typo + ": unknown CreateJob members jobExecutionRolloutConfig, "
                + "abortConfig.criteriaList[0].threshold (CreateJob takes targets, documentSource, document,");
        assertThat(refused.err()).as("one line, no usage text").hasLineCount(1);
        assertThat(cli.run("job", "describe", "j").exitCode()).as("nothing was created").isEqualTo(CliErrors.REFUSED);
    }

    @Test
    void anEndpointWithoutSchemeIsPlainHttpAndNegativeClockMovesAreExplained() {
        Cli.Result listed = cli.run("thing", "list", "--endpoint", "127.0.0.1:" + server.port());
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        Cli.Result bad = cli.run("thing", "list", "--endpoint", "http://exa mple");
        assertThat(bad.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(bad.err().strip()).isEqualTo("error: The endpoint must be a URL such as http://localhost:9290 (or host:port), not "
                + "'http://exa mple'");

        Cli.Result negative = cli.run("dev", "clock", "advance", "-5m");
        assertThat(negative.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(negative.err()).startsWith("error: '-5m': negative durations are refused, the job clock only moves forward");
    }

    @Test
    void watchShowsLiveProgressUntilTheJobCompletes() throws Exception {
        for (String thing : List.of("d1", "d2", "d3")) {
            cli.run("thing", "create", thing);
        }
        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"install\"}");
        cli.run("job", "create", "rollout", "--document", document.toString(), "--thing", "d1", "--thing", "d2", "--thing", "d3");

        StringWriter screen = new StringWriter();
        CompletableFuture<Integer> watch = CompletableFuture.supplyAsync(() -> cli.run(screen, "job", "watch", "rollout", "--interval", "0.05"));
        JobsDataClient devices = JobsDataClient.builder().serverUrl(endpoint).security(Security.sigV4(AwsCredentials.of(KEY, SECRET)))
                .retryPolicy(RetryPolicy.none()).build();
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.toString().contains("QUEUED       [" + "#".repeat(30) + "] 3"));
        devices.startNextPendingJobExecution(r -> r.thingName("d1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> screen.toString().contains("IN_PROGRESS  [" + "#".repeat(10) + "-".repeat(20) + "] 1"));
        for (String thing : List.of("d1", "d2", "d3")) {
            JobExecutionStatus status = thing.equals("d3") ? JobExecutionStatus.FAILED : JobExecutionStatus.SUCCEEDED;
            devices.updateJobExecution(r -> r.thingName(thing).jobId("rollout").requestBody(UpdateJobExecutionRequestBody.builder(status).build()));
        }

        assertThat(watch.get(20, TimeUnit.SECONDS)).as("an execution failed, so a script can stop here").isEqualTo(1);
        String shown = screen.toString();
        assertThat(shown).contains("Job rollout ended: COMPLETED, 1 FAILED");
        assertThat(shown).contains("SUCCEEDED    [" + "#".repeat(20) + "-".repeat(10) + "] 2");
        assertThat(shown).contains("FAILED       [" + "#".repeat(10) + "-".repeat(20) + "] 1");
        assertThat(shown).containsPattern("Job rollout  COMPLETED  3/3 finished  elapsed \\d\\d:\\d\\d  rate (-|\\d+\\.\\d/min)");
        assertThat(shown).doesNotContain("\u001b[");
        assertThat(cli.run("job", "watch", "rollout", "--fail-on", "none").exitCode()).isZero();
        assertThat(cli.run("job", "watch", "rollout", "--fail-on", "TIMED_OUT,REJECTED").exitCode()).isZero();
        assertThat(cli.run("job", "watch", "rollout", "--fail-on", "failed").exitCode()).isEqualTo(1);
        Cli.Result wrongStatus = cli.run("job", "watch", "rollout", "--fail-on", "BROKEN");
        assertThat(wrongStatus.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(wrongStatus.err()).contains("--fail-on takes execution statuses");
    }

    @Test
    void theAgentCommandRunsPendingJobsOnce() throws Exception {
        cli.run("thing", "create", "dev-1");
        Path handlers = Files.createDirectories(temp.resolve("handlers"));
        Path script = Files.writeString(handlers.resolve("install"), "#!/bin/sh\necho installed $2\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path document = Files.writeString(temp.resolve("doc.json"), "{\"operation\":\"install\",\"args\":[\"2.0\"],\"includeStdOut\":true}");
        cli.run("job", "create", "j1", "--document", document.toString(), "--thing", "dev-1");

        Cli.Result ran = cli.run("agent", "--thing", "dev-1", "--handlers", handlers.toString(), "--state-dir",
                temp.resolve("state").toString(), "--once");
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.out()).contains("job j1 (execution 1): 1 step\n").contains("job j1: step 1/1 install").contains("job j1: SUCCEEDED");
        JsonNode execution = JSON.readTree(cli.run("job", "describe", "j1", "-o", "json").out()).get("job").get("jobProcessDetails");
        assertThat(execution.get("numberOfSucceededThings").asLong()).isEqualTo(1);

        Cli.Result badDir = cli.run("agent", "--thing", "dev-1", "--handlers", temp.resolve("absent").toString(), "--once");
        assertThat(badDir.exitCode()).isEqualTo(CliErrors.USAGE);
        assertThat(badDir.err()).contains("is not a directory");
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
        command.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            out.add(subPath);
            collect(sub, subPath, out);
        });
    }
}
