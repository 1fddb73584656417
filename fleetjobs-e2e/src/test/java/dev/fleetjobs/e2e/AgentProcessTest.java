package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;

/**
 * Two {@code fleetjobs agent} processes from the built jar work one five-step job. One agent's
 * fourth step fails; the other agent is killed (SIGKILL) during its third step and started again.
 * Final statuses, status details, version numbers (one per report) and the steps that ran are
 * exactly as expected.
 */
class AgentProcessTest {

    private static final int STEPS = 5;

    @TempDir
    Path temp;

    private RunningServer server;
    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        if (server != null) {
            server.close();
        }
    }

    @Test
    void twoAgentsOneFailingStepOneKilledAndRestarted() throws Exception {
        server = RunningServer.start(temp.resolve("data"));
        Fleet fleet = new Fleet(server.iot());
        fleet.thing("dev-a");
        fleet.thing("dev-b");
        Path started = temp.resolve("a-step3-started");
        Path go = temp.resolve("a-step3-go");
        Path handlersA = handlers("a", "if [ \"$2\" = 3 ]; then touch '" + started + "'; while [ ! -f '" + go + "' ]; do sleep 0.05; done; fi\n"
                + "echo \"ok $2\"");
        Path handlersB = handlers("b", "if [ \"$2\" = 4 ]; then echo 'disk full' >&2; exit 7; fi\necho \"ok $2\"");
        fleet.job("rollout", fiveStepDocument(), "dev-a", "dev-b");

        Process agentA = agent("dev-a", handlersA, temp.resolve("state-a"), temp.resolve("agent-a-1.log"));
        Process agentB = agent("dev-b", handlersB, temp.resolve("state-b"), temp.resolve("agent-b.log"));

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(started));
        assertThat(execution("dev-a").statusDetails()).isEqualTo(Map.of("step", "3/5", "stepName", "step-3"));
        agentA.descendants().forEach(ProcessHandle::destroyForcibly);
        agentA.destroyForcibly();
        assertThat(agentA.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(60)).until(() -> execution("dev-b").statusAsString().equals("FAILED"));
        Files.createFile(go);
        Process restarted = agent("dev-a", handlersA, temp.resolve("state-a"), temp.resolve("agent-a-2.log"));
        await().atMost(Duration.ofSeconds(60)).until(() -> execution("dev-a").statusAsString().equals("SUCCEEDED"));

        JobExecution a = execution("dev-a");
        assertThat(a.statusDetails()).isEqualTo(Map.of("step", "5/5", "reason", "All steps succeeded", "stdout", "ok 5"));
        assertThat(a.versionNumber()).as("1 queued + start + 5 step reports + final, none lost or repeated").isEqualTo(8L);
        assertThat(log("a")).containsExactly("1", "2", "3", "3", "4", "5");

        JobExecution b = execution("dev-b");
        assertThat(b.statusDetails()).isEqualTo(Map.of("step", "4/5", "stepName", "step-4", "reason", "Step 'step-4' exited with status 7",
                "stderr", "disk full"));
        assertThat(b.versionNumber()).as("1 queued + start + 4 step reports + final").isEqualTo(7L);
        assertThat(log("b")).containsExactly("1", "2", "3", "4");

        var job = server.iot().describeJob(r -> r.jobId("rollout")).job();
        assertThat(job.statusAsString()).isEqualTo("COMPLETED");
        assertThat(job.jobProcessDetails().numberOfSucceededThings()).isEqualTo(1);
        assertThat(job.jobProcessDetails().numberOfFailedThings()).isEqualTo(1);
        assertThat(Files.readString(temp.resolve("agent-a-2.log"))).contains("resuming at step 3").contains("job rollout: SUCCEEDED");
        assertThat(agentB.isAlive()).as("agents keep polling for work").isTrue();
        assertThat(restarted.isAlive()).isTrue();
    }

    private JobExecution execution(String thing) {
        return server.jobs().describeJobExecution(r -> r.thingName(thing).jobId("rollout")).execution();
    }

    private List<String> log(String agent) throws IOException {
        return Files.readAllLines(temp.resolve("handlers-" + agent).resolve("steps.log"));
    }

    private Path handlers(String agent, String body) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("handlers-" + agent));
        Path script = Files.writeString(dir.resolve("step.sh"), "#!/bin/sh\necho \"$2\" >> '" + dir.resolve("steps.log") + "'\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    private static String fiveStepDocument() {
        StringJoiner steps = new StringJoiner(",");
        for (int i = 1; i <= STEPS; i++) {
            steps.add("{\"action\":{\"name\":\"step-" + i + "\",\"type\":\"runHandler\",\"input\":{\"handler\":\"step.sh\",\"args\":[\"" + i
                    + "\"],\"path\":\"default\"}}}");
        }
        return "{\"version\":\"1.0\",\"includeStdOut\":\"true\",\"steps\":[" + steps + "]}";
    }

    private Process agent(String thing, Path handlers, Path stateDir, Path logFile) throws IOException {
        Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-jar", jar.toString(), "agent", "--thing", thing, "--handlers", handlers.toString(), "--state-dir", stateDir.toString(),
                "--endpoint", server.endpoint().toString(), "--poll", "0.2", "--heartbeat", "30")
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        Process process = builder.start();
        processes.add(process);
        return process;
    }
}
