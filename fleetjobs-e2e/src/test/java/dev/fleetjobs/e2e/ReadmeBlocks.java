package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs a shell block of the README, as written, with the AWS CLI v2 (Debian's {@code /usr/bin/aws}) against a running server. */
final class ReadmeBlocks {

    static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");

    private ReadmeBlocks() {
    }

    /** The shell lines of the README between {@code <!-- name -->} and {@code <!-- /name -->}, fences dropped. */
    static String block(String name) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("<!-- " + name + " -->");
        int end = readme.indexOf("<!-- /" + name + " -->");
        assertThat(start).as("README markers of " + name).isNotNegative();
        assertThat(end).isGreaterThan(start);
        StringBuilder script = new StringBuilder();
        boolean inFence = false;
        for (String line : readme.substring(start, end).split("\n")) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (inFence) {
                script.append(line).append('\n');
            }
        }
        return script.toString();
    }

    /** A {@code ./fleetjobs} launcher in {@code work} that runs the built fleetjobs.jar, as the repository's launcher does. */
    static Path fleetjobsLauncher(Path work) throws IOException {
        Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
        assertThat(jar).as("fleetjobs-cli is packaged before the e2e tests run").exists();
        Path launcher = work.resolve("fleetjobs");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    /**
     * Runs {@code script} with bash in {@code work}, the root credentials and the server's URL in
     * the environment and no AWS configuration files; returns what it printed, after checking it succeeded.
     */
    static String run(String script, RunningServer server, Path work) throws IOException, InterruptedException {
        assertThat(AWS_CLI_V2).as("the AWS CLI v2 (Debian package awscli; .ci/run installs it)").isExecutable();
        Path bin = Files.createDirectories(work.resolve("bin"));
        if (!Files.exists(bin.resolve("aws"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(bin.resolve("aws"), AWS_CLI_V2);
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        builder.environment().put("FLEETJOBS_URL", server.endpoint().toString());
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
