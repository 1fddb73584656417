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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iotjobsdataplane.model.JobExecution;

/**
 * {@code fleetjobs agent} runs a firmware job written for AWS: a download step whose URL is a
 * presigned placeholder, then an install step. The agent is killed (SIGKILL) in the middle of the
 * download, started again, resumes the part with {@code Range} from a fresh URL, checks the SHA-256
 * and installs exactly the file that was uploaded.
 */
class AgentDownloadTest {

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
    void aDownloadInterruptedByKillMinusNineResumesAndTheInstallGetsTheRightFile() throws Exception {
        byte[] firmware = new byte[6 * 1024 * 1024];
        new Random(11).nextBytes(firmware);
        String sha256 = ArtifactStoreCliTest.sha256(firmware);
        server = RunningServer.start(temp.resolve("data"));
        S3Requests s3 = S3Requests.root(server);
        s3.createBucket("firmware");
        s3.put("firmware", "fw-2.0.bin", firmware);
        new Fleet(server.iot()).thing("pump-7");
        Path handlers = Files.createDirectories(temp.resolve("handlers"));
        Path install = Files.writeString(handlers.resolve("install.sh"), "#!/bin/sh\nsha256sum downloads/fw-2.0.bin | cut -d' ' -f1\n");
        Files.setPosixFilePermissions(install, PosixFilePermissions.fromString("rwx------"));
        String document = "{\"version\":\"1.0\",\"includeStdOut\":\"true\",\"steps\":["
                + "{\"action\":{\"name\":\"fetch\",\"type\":\"download\",\"input\":{\"url\":"
                + "\"${aws:iot:s3-presigned-url:https://s3.us-east-1.amazonaws.com/firmware/fw-2.0.bin}\","
                + "\"sha256\":\"" + sha256 + "\",\"path\":\"downloads/fw-2.0.bin\"}}},"
                + "{\"action\":{\"name\":\"install\",\"type\":\"runHandler\",\"input\":{\"handler\":\"install.sh\",\"path\":\"default\"}}}]}";
        server.iot().createJob(r -> r.jobId("firmware-2").targets("arn:aws:iot:us-east-1:000000000000:thing/pump-7").document(document)
                .presignedUrlConfig(c -> c.roleArn("arn:aws:iam::000000000000:role/files")));

        Path part = handlers.resolve("downloads/fw-2.0.bin.part");
        Process first = agent(handlers, temp.resolve("agent-1.log"), "1M");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(part) && Files.size(part) > 1024 * 1024);
        await().atMost(Duration.ofSeconds(30)).until(() -> execution().statusDetails().containsKey("downloaded"));
        assertThat(execution().statusDetails()).containsEntry("step", "1/2").containsEntry("stepName", "fetch");
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        long kept = Files.size(part);
        assertThat(kept).isBetween(1L, (long) firmware.length - 1);

        agent(handlers, temp.resolve("agent-2.log"), null);
        await().atMost(Duration.ofSeconds(60)).until(() -> execution().statusAsString().equals("SUCCEEDED"));
        assertThat(execution().statusDetails()).containsEntry("stdout", sha256).containsEntry("step", "2/2");
        assertThat(Files.readAllBytes(handlers.resolve("downloads/fw-2.0.bin"))).isEqualTo(firmware);
        assertThat(part).doesNotExist();
        assertThat(Files.readString(temp.resolve("agent-2.log"))).contains("step 1/2 fetch").contains("resumed at byte ");
    }

    private JobExecution execution() {
        return server.jobs().describeJobExecution(r -> r.thingName("pump-7").jobId("firmware-2")).execution();
    }

    private Process agent(Path handlers, Path logFile, String downloadLimit) throws IOException {
        Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                "-jar", jar.toString(), "agent", "--thing", "pump-7", "--handlers", handlers.toString(), "--state-dir",
                temp.resolve("state").toString(), "--endpoint", server.endpoint().toString(), "--poll", "0.2", "--heartbeat", "0.3"));
        if (downloadLimit != null) {
            command.addAll(List.of("--download-limit", downloadLimit));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        Process process = builder.start();
        processes.add(process);
        return process;
    }
}
