package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.server.app.DatabaseOptions;
import dev.fleetjobs.server.app.ServerConfig;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.store.postgresql.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iot.model.Tag;

/** {@code fleetjobs store copy}: a SQLite node's fleet, served by a PostgreSQL node afterwards. */
class StoreCopyTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path nodeDir;

    @Test
    void aStoppedSqliteNodesFleetIsServedFromPostgresqlAndANonEmptyTargetIsRefused() throws Exception {
        String certificateId;
        Cli.Key operator;
        try (RunningServer sqlite = RunningServer.startSecure(dataDir)) {
            // credentials add needs a node: the directory holds one once the server has started on it
            operator = Cli.addKey(dataDir, "--role", "operator");
            var iot = sqlite.iot();
            Fleet fleet = new Fleet(iot);
            iot.createThing(r -> r.thingName("pump-1").attributePayload(a -> a.attributes(Map.of("site", "north"))));
            fleet.thing("pump-2");
            iot.createThingGroup(r -> r.thingGroupName("pumps"));
            iot.addThingToThingGroup(r -> r.thingGroupName("pumps").thingName("pump-2"));
            iot.createJob(r -> r.jobId("firmware").document("{\"v\":2}").tags(Tag.builder().key("team").value("ops").build())
                    .targets(fleet.arnOf("pump-1"), "arn:aws:iot:us-east-1:000000000000:thinggroup/pumps"));
            sqlite.jobs().startNextPendingJobExecution(r -> r.thingName("pump-1").stepTimeoutInMinutes(30L));
            iot.createJobTemplate(r -> r.jobTemplateId("reboot").description("restart").document("{\"op\":\"reboot\"}"));
            certificateId = iot.createKeysAndCertificate(r -> r.setAsActive(true)).certificateId();
            String id = certificateId;
            iot.attachThingPrincipal(r -> r.thingName("pump-1").principal("arn:aws:iot:us-east-1:000000000000:cert/" + id));
        }

        String url = TestPostgres.shared().newEmptyDatabaseUrl();
        Cli.Result copy = Cli.run("store", "copy", "--from", dataDir.toString(), "--to", url);
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).containsPattern("things\\s+2").containsPattern("job_executions\\s+2")
                .containsPattern("access_keys\\s+1").containsPattern("certificates\\s+1");

        String sealingKey = Files.readString(dataDir.resolve(SecretBox.FILE_NAME));
        ServerConfig onPostgres = ServerConfig.defaults("127.0.0.1", 0, nodeDir)
                .withDatabase(new DatabaseOptions(url, sealingKey, "the copied node's secret.key"));
        try (RunningServer node = RunningServer.start(onPostgres)) {
            var iot = node.iot();
            assertThat(iot.describeThing(r -> r.thingName("pump-1")).attributes()).containsEntry("site", "north");
            assertThat(iot.listThingsInThingGroup(r -> r.thingGroupName("pumps")).things()).containsExactly("pump-2");
            var started = node.jobs().describeJobExecution(r -> r.thingName("pump-1").jobId("firmware")).execution();
            assertThat(started.statusAsString()).isEqualTo("IN_PROGRESS");
            assertThat(started.versionNumber()).isEqualTo(2L);
            assertThat(started.approximateSecondsBeforeTimedOut()).isPositive();
            assertThat(iot.describeJob(r -> r.jobId("firmware")).job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(1);
            assertThat(iot.listTagsForResource(r -> r.resourceArn("arn:aws:iot:us-east-1:000000000000:job/firmware")).tags())
                    .extracting(Tag::value).containsExactly("ops");
            assertThat(iot.describeJobTemplate(r -> r.jobTemplateId("reboot")).description()).isEqualTo("restart");
            String id = certificateId;
            assertThat(iot.describeCertificate(r -> r.certificateId(id)).certificateDescription().statusAsString()).isEqualTo("ACTIVE");
            assertThat(iot.listThingPrincipals(r -> r.thingName("pump-1")).principals()).hasSize(1);
            // The copied access key opens with the copied node's key, now the sealing key.
            try (var asOperator = software.amazon.awssdk.services.iot.IotClient.builder().endpointOverride(node.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(operator.accessKeyId(),
                                    operator.secretAccessKey()))).build()) {
                assertThat(asOperator.describeThing(r -> r.thingName("pump-2")).thingName()).isEqualTo("pump-2");
            }
        }

        Cli.Result again = Cli.run("store", "copy", "--from", dataDir.toString(), "--to", url);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("not empty").contains("things");
    }
}
