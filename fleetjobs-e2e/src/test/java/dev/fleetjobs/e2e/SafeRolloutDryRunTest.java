package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetjobs.server.app.ServerConfig;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/**
 * The dry run of CreateJob, through raw signed HTTP and {@code fleetjobs job create --dry-run}: a
 * job on three levels of nested groups with duplicates is counted exactly, every refusal comes at
 * once, and nothing is created: no job, no execution, no notification, not one row written.
 */
class SafeRolloutDryRunTest {

    private static final String GROUP = "arn:aws:iot:us-east-1:000000000000:thinggroup/";
    private static final String THING = "arn:aws:iot:us-east-1:000000000000:thing/";

    @TempDir
    Path dataDir;

    @TempDir
    Path work;

    @Test
    void aNestedGroupJobWithDuplicatesIsCountedExactlyAndNothingIsCreated() throws Exception {
        try (RunningServer server = RunningServer.withPlainMqtt(ServerConfig.defaults("127.0.0.1", 0, dataDir), true, List.of());
             MqttDevice device = MqttDevice.connect(server.mqttPort(), "a").subscribeToJobs();
             MqttDevice backEnd = MqttDevice.backEnd(server.mqttPort(), "back-end", RunningServer.ROOT)) {
            backEnd.subscribe("$aws/events/#");
            IotClient iot = server.iot();
            // plant > line > cell, three levels; f belongs to no group.
            iot.createThingGroup(r -> r.thingGroupName("plant"));
            iot.createThingGroup(r -> r.thingGroupName("line").parentGroupName("plant"));
            iot.createThingGroup(r -> r.thingGroupName("cell").parentGroupName("line"));
            for (String thing : List.of("a", "b", "c", "d", "e", "f")) {
                iot.createThing(r -> r.thingName(thing));
            }
            iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingName("a"));
            iot.addThingToThingGroup(r -> r.thingGroupName("plant").thingName("b"));
            iot.addThingToThingGroup(r -> r.thingGroupName("line").thingName("c"));
            iot.addThingToThingGroup(r -> r.thingGroupName("cell").thingName("d"));
            iot.addThingToThingGroup(r -> r.thingGroupName("cell").thingName("e"));
            Operator operator = new Operator(server.endpoint());
            String before = StoreDump.of(dataDir);

            // plant reaches a..e; cell reaches d and e again; b is also named; f only by name.
            JsonNode plan = operator.ok("POST", "/_fleetjobs/jobs/fw-7/dry-run", "{\"targets\":[\"" + GROUP + "plant\",\"" + GROUP + "cell\",\""
                    + THING + "b\",\"" + THING + "f\"],\"document\":\"{\\\"v\\\":7}\",\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":2},"
                    + "\"abortConfig\":{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\",\"thresholdPercentage\":50,"
                    + "\"minNumberOfExecutedThings\":2}]},\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":30}}");
            assertThat(plan.path("valid").asBoolean()).as(plan.toString()).isTrue();
            assertThat(plan.path("errors")).isEmpty();
            JsonNode targets = plan.path("targets");
            assertThat(targets.path("given").asInt()).isEqualTo(4);
            assertThat(targets.path("reached").asLong()).as("a b c d e f").isEqualTo(6);
            assertThat(targets.path("duplicates").asLong()).as("b, d and e a second time").isEqualTo(3);
            assertThat(targets.path("thingGroups").toString())
                    .isEqualTo("[{\"thingGroupName\":\"plant\",\"things\":5},{\"thingGroupName\":\"cell\",\"things\":2}]");
            assertThat(plan.path("document").asText()).isEqualTo("{\"v\":7}");
            assertThat(plan.path("rollout").path("minutesToReleaseAll").asLong()).as("2 a minute: 0, 1 and 2 minutes").isEqualTo(2);
            assertThat(plan.path("abort").get(0).path("failuresToAbortWhenAllNotified").asLong()).isEqualTo(3);
            assertThat(plan.path("timeoutConfig").path("inProgressTimeoutInMinutes").asLong()).isEqualTo(30);

            Path document = Files.writeString(work.resolve("fw.json"), "{\"v\":7}");
            Cli.Result cli = operator.cli("job", "create", "fw-7", "--document", document.toString(), "--group", "plant", "--group", "cell",
                    "--thing", "b", "--thing", "f", "--dry-run");
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertThat(cli.out()).contains("CreateJob would create it; nothing was created.")
                    .contains("Targets: 4 given, 6 distinct things reached (3 reached more than once)")
                    .contains("group plant: 5 things, its subgroups included");

            Cli.Result refused = operator.cli("job", "create", "fw-7", "--document", document.toString(), "--group", "plant",
                    "--thing", "ghost", "--description", "\u0007", "--dry-run");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.out()).contains("CreateJob would refuse it with 2 errors")
                    .contains("error: InvalidRequestException: 1 validation error detected: Value '\u0007' at 'description'")
                    .contains("error: ResourceNotFoundException: Target thing ghost cannot be found.")
                    .contains("missing things: ghost");

            assertThat(StoreDump.of(dataDir)).as("not one row written").isEqualTo(before);
            assertThatThrownBy(() -> iot.describeJob(r -> r.jobId("fw-7"))).isInstanceOf(ResourceNotFoundException.class);
            assertThat(iot.listJobs(r -> r.maxResults(10)).jobs()).isEmpty();
            assertThat(iot.listJobExecutionsForThing(r -> r.thingName("a")).executionSummaries()).isEmpty();

            // A real job afterwards: the first thing the device and the back end hear of is that one.
            iot.createJob(r -> r.jobId("marker").targets(THING + "a").document("{}"));
            device.awaitMessage(device.prefix() + "/notify-next", 1);
            assertThat(device.all()).allSatisfy(m -> assertThat(m.json().toString()).contains("marker").doesNotContain("fw-7"));
            server.iot().cancelJob(r -> r.jobId("marker"));
            backEnd.awaitMessage("$aws/events/job/marker/cancellation_in_progress", 1);
            assertThat(backEnd.all()).allSatisfy(m -> assertThat(m.topic()).contains("marker"));
        }
    }

    @Test
    void everyRefusalCreateJobWouldGiveComesAtOnceInTheAwsErrorTerms() {
        try (RunningServer server = RunningServer.start(dataDir)) {
            server.iot().createThing(r -> r.thingName("pump"));
            server.iot().createJob(r -> r.jobId("taken").targets(THING + "pump").document("{}"));
            Operator operator = new Operator(server.endpoint());
            HttpResponse<String> refused = operator.send("POST", "/_fleetjobs/jobs/taken/dry-run", "{\"targets\":\"" + THING + "pump\","
                    + "\"document\":\"[1]\",\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":0},\"schedulingConfig\":{\"startTime\":\"soon\"},"
                    + "\"fleetjobs\":{\"canaryConfig\":{\"stages\":[{\"thingCount\":3,\"minSuccessPercentage\":80,\"onFailure\":\"PANIC\"}]}}}");
            // CreateJob's own answer (its first refusal), with the whole plan and every refusal beside the message.
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
            JsonNode plan = Operator.json(refused.body());
            assertThat(plan.path("message").asText()).contains("'targets'");
            assertThat(plan.path("valid").asBoolean()).isFalse();
            assertThat(plan.path("errors").findValuesAsText("errorType")).containsExactly("InvalidRequestException",
                    "InvalidRequestException", "InvalidRequestException", "InvalidRequestException", "InvalidRequestException",
                    "ResourceAlreadyExistsException");
            assertThat(plan.path("errors").findValuesAsText("message")).satisfiesExactly(
                    // first what could not be read, then CreateJob's checks in its order, then what the store says
                    m -> assertThat(m).contains("'targets'").contains("Member must be a list of strings"),
                    m -> assertThat(m).contains("fleetjobs.canaryConfig.stages.1.member.onFailure"),
                    m -> assertThat(m).contains("'document'").contains("JSON object"),
                    m -> assertThat(m).contains("jobExecutionsRolloutConfig.maximumPerMinute"),
                    m -> assertThat(m).contains("'schedulingConfig.startTime'"),
                    m -> assertThat(m).isEqualTo("Job taken already exists."));
            assertThat(plan.has("targets")).as("the targets could not be read").isFalse();

            // CreateJob itself answers the first of them, in the AWS error shape.
            HttpResponse<String> created = operator.send("PUT", "/jobs/taken", "{\"targets\":\"x\",\"document\":\"[1]\"}");
            assertThat(created.statusCode()).isEqualTo(400);
            assertThat(created.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
            assertThat(created.body()).contains("'targets'");

            HttpResponse<String> notJson = operator.send("POST", "/_fleetjobs/jobs/taken/dry-run", "{not json");
            assertThat(notJson.statusCode()).isEqualTo(400);
            assertThat(notJson.headers().firstValue("x-amzn-ErrorType")).contains("InvalidRequestException");
            HttpResponse<String> badId = operator.send("POST", "/_fleetjobs/jobs/bad%20id/dry-run", "{}");
            assertThat(badId.statusCode()).isEqualTo(400);
            assertThat(badId.headers().firstValue("x-amzn-RequestId")).isPresent();
        }
    }
}
