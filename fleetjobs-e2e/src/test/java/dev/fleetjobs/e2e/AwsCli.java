package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the AWS CLI v2 (Debian's {@code /usr/bin/aws}) against a running server with the root key and no configuration files. */
final class AwsCli {

    /** What one command printed (stdout and stderr together) and its exit status. */
    record Result(int exitCode, String output) {
    }

    private final RunningServer server;
    private final Path work;

    AwsCli(RunningServer server, Path work) {
        this.server = server;
        this.work = work;
    }

    /** Runs {@code aws --endpoint-url <server> args...} and checks it succeeded. */
    String ok(String... args) {
        Result result = run(args);
        assertThat(result.exitCode()).as(String.join(" ", args) + "\n" + result.output()).isZero();
        return result.output();
    }

    Result run(String... args) {
        assertThat(ReadmeBlocks.AWS_CLI_V2).as("the AWS CLI v2 (Debian package awscli; .ci/run installs it)").isExecutable();
        List<String> command = new ArrayList<>(List.of(ReadmeBlocks.AWS_CLI_V2.toString(), "--endpoint-url", server.endpoint().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        ReadmeBlocks.awsEnvironment(builder, work);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code aws ARGS --endpoint-url <server>}; returns what it printed after checking that it succeeded. */
    static String run(RunningServer server, String... args) throws IOException, InterruptedException {
        assertThat(ReadmeBlocks.AWS_CLI_V2).as("the AWS CLI v2 (Debian package awscli)").isExecutable();
        List<String> command = new ArrayList<>(List.of(ReadmeBlocks.AWS_CLI_V2.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--output", "json"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
