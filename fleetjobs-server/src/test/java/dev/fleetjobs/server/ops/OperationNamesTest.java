package dev.fleetjobs.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.protocol.Plane;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.SecurityOptions;
import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route the server serves carries an operation name (the {@code operation} label of the
 * metrics and the request log), and every name that is not Fleetjobs' own is a real AWS operation:
 * the official SDK has a request class of that name for the plane's service.
 */
class OperationNamesTest {

    private static final String CONTROL_MODEL = "software.amazon.awssdk.services.iot.model.";
    private static final String DATA_MODEL = "software.amazon.awssdk.services.iotjobsdataplane.model.";

    @TempDir
    Path dataDir;

    @Test
    void everyRouteIsNamedAndAwsNamesAreRealOperationsOfThePlane() throws Exception {
        ServerConfig config = ServerConfig.defaults("127.0.0.1", 0, dataDir).withDev(true)
                .withSecurity(SecurityOptions.defaults().withDeviceListener(0, null, null));
        try (FleetjobsServer server = FleetjobsServer.start(config)) {
            List<String> control = server.operationNames(Plane.CONTROL);
            List<String> data = server.operationNames(Plane.DATA);
            assertThat(control).hasSize(server.routeCount(Plane.CONTROL)).doesNotContainNull();
            assertThat(data).hasSize(server.routeCount(Plane.DATA)).doesNotContainNull();
            assertThat(data).containsExactlyInAnyOrder("GetPendingJobExecutions", "DescribeJobExecution",
                    "StartNextPendingJobExecution", "UpdateJobExecution");
            assertThat(control).contains("CreateJob", "DescribeThing", "ListJobExecutionsForThing", "Fleetjobs.DryRunJob",
                    "Fleetjobs.AdvanceDevClock");
            for (String name : control) {
                assertThat(name).isNotBlank().doesNotContain("/");
                if (!name.startsWith("Fleetjobs.")) {
                    assertThat(isClass(CONTROL_MODEL + name + "Request") || isClass(CONTROL_MODEL + sdkSpelling(name) + "Request"))
                            .as("IoT operation " + name).isTrue();
                }
            }
            for (String name : data) {
                assertThat(isClass(DATA_MODEL + name + "Request")).as("IoT jobs data-plane operation " + name).isTrue();
            }
        }
    }

    /** The SDK spells the model's acronyms as words: RegisterCertificateWithoutCA is RegisterCertificateWithoutCaRequest. */
    private static String sdkSpelling(String name) {
        return name.replace("CA", "Ca");
    }

    private static boolean isClass(String name) {
        try {
            Class.forName(name, false, OperationNamesTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
