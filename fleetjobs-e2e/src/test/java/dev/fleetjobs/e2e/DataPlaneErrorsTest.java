package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetjobs.server.app.ServerConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iotjobsdataplane.model.IotJobsDataPlaneException;
import software.amazon.awssdk.services.iotjobsdataplane.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iotjobsdataplane.model.ServiceUnavailableException;
import software.amazon.awssdk.services.iotjobsdataplane.model.TerminalStateException;
import software.amazon.awssdk.services.iotjobsdataplane.model.ThrottlingException;

/**
 * The error types the data-plane model lists for its four operations, each produced and
 * surfacing as the SDK's own exception class. CertificateValidationException belongs to the
 * client-certificate listener, which a later issue adds.
 */
class DataPlaneErrorsTest {

    @TempDir
    Path dataDir;

    private RunningServer server;
    private Fleet fleet;

    /** Where the server keeps its data; a subclass per backend runs the same tests on PostgreSQL. */
    ServerBackend backend() {
        return ServerBackend.SQLITE;
    }

    @BeforeEach
    void start() {
        server = RunningServer.start(backend().configure(ServerConfig.defaults("127.0.0.1", 0, dataDir)));
        fleet = new Fleet(server.iot());
        fleet.thing("dev-1");
        fleet.job("job-1", "{\"do\":\"it\"}", "dev-1");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void invalidRequestNamesTheField() {
        var jobs = server.jobs();
        assertInvalid(() -> jobs.getPendingJobExecutions(r -> r.thingName("bad name")), "thingName");
        assertInvalid(() -> jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("bad id!")), "jobId");
        assertInvalid(() -> jobs.startNextPendingJobExecution(r -> r.thingName("dev-1").stepTimeoutInMinutes(0L)), "stepTimeoutInMinutes");
        assertInvalid(() -> jobs.startNextPendingJobExecution(r -> r.thingName("dev-1").stepTimeoutInMinutes(-1L)), "stepTimeoutInMinutes");
        assertInvalid(() -> jobs.startNextPendingJobExecution(r -> r.thingName("dev-1").stepTimeoutInMinutes(10081L)), "stepTimeoutInMinutes");
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("DONE")), "status");
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("QUEUED")), "service");
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("CANCELED")), "service");
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("IN_PROGRESS")
                .statusDetails(Map.of("k", ""))), "statusDetails.k");
        Map<String, String> eleven = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            eleven.put("k" + i, "v");
        }
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("IN_PROGRESS")
                .statusDetails(eleven)), "statusDetails");
        assertInvalid(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("$next").status("IN_PROGRESS")), "jobId");

        var state = jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("job-1")).execution();
        assertThat(state.statusAsString()).as("refused requests change nothing").isEqualTo("QUEUED");
        assertThat(state.versionNumber()).isEqualTo(1L);
    }

    @Test
    void unknownThingsJobsAndExecutionsAreNotFound() {
        var jobs = server.jobs();
        assertThatThrownBy(() -> jobs.getPendingJobExecutions(r -> r.thingName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class).satisfies(e -> assertStatus(e, 404));
        assertThatThrownBy(() -> jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("job-1").executionNumber(7L)))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> jobs.startNextPendingJobExecution(r -> r.thingName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("nope").status("IN_PROGRESS")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void updatesAfterATerminalStatusAreInvalidTransitions() {
        var jobs = server.jobs();
        jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("SUCCEEDED"));
        for (String status : new String[] {"IN_PROGRESS", "SUCCEEDED", "FAILED", "REJECTED"}) {
            assertThatThrownBy(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status(status)))
                    .isInstanceOf(InvalidStateTransitionException.class).satisfies(e -> assertStatus(e, 409));
        }
        assertThat(jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("job-1")).execution().versionNumber()).isEqualTo(2L);
    }

    @Test
    void aStaleExpectedVersionIsAConflict() {
        var jobs = server.jobs();
        jobs.startNextPendingJobExecution(r -> r.thingName("dev-1"));
        assertThatThrownBy(() -> jobs.updateJobExecution(r -> r.thingName("dev-1").jobId("job-1").status("SUCCEEDED").expectedVersion(1L)))
                .isInstanceOf(IotJobsDataPlaneException.class)
                .satisfies(e -> {
                    assertStatus(e, 409);
                    assertThat(((IotJobsDataPlaneException) e).awsErrorDetails().errorCode()).isEqualTo("VersionConflictException");
                });
        assertThat(jobs.describeJobExecution(r -> r.thingName("dev-1").jobId("job-1")).execution().statusAsString()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void describingAMissingExecutionOfAFinishedJobIsTerminalState() {
        fleet.thing("dev-2");
        server.iot().cancelJob(r -> r.jobId("job-1"));
        assertThatThrownBy(() -> server.jobs().describeJobExecution(r -> r.thingName("dev-2").jobId("job-1")))
                .isInstanceOf(TerminalStateException.class).satisfies(e -> assertStatus(e, 410));
        assertThat(server.jobs().describeJobExecution(r -> r.thingName("dev-1").jobId("job-1")).execution().statusAsString())
                .as("a terminal execution itself is still described").isEqualTo("CANCELED");
    }

    @Test
    void tooManyDeviceRequestsAreThrottled(@TempDir Path otherDir) {
        try (RunningServer limited = RunningServer.start(backend().configure(ServerConfig.defaults("127.0.0.1", 0, otherDir))
                .withDataPlaneRequestsPerSecond(2))) {
            new Fleet(limited.iot()).thing("busy");
            assertThatThrownBy(() -> {
                for (int i = 0; i < 20; i++) {
                    limited.jobs().getPendingJobExecutions(r -> r.thingName("busy"));
                }
            }).isInstanceOf(ThrottlingException.class).satisfies(e -> assertStatus(e, 429));
            assertThat(limited.iot().describeThing(r -> r.thingName("busy")).thingName())
                    .as("the control plane is not limited by the device rate").isEqualTo("busy");
        }
    }

    @Test
    void aDrainingServerIsUnavailable() {
        server.server().drain();
        assertThatThrownBy(() -> server.jobs().getPendingJobExecutions(r -> r.thingName("dev-1")))
                .isInstanceOf(ServiceUnavailableException.class).satisfies(e -> assertStatus(e, 503));
    }

    private static void assertInvalid(Runnable call, String fieldMention) {
        assertThatThrownBy(call::run).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(fieldMention).satisfies(e -> assertStatus(e, 400));
    }

    private static void assertStatus(Throwable e, int status) {
        assertThat(((IotJobsDataPlaneException) e).statusCode()).isEqualTo(status);
    }
}
