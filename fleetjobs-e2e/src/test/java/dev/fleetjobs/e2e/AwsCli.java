package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The AWS CLI v2 ({@code /usr/bin/aws}) run against a server with the root credentials and no configuration files. */
final class AwsCli {

    private AwsCli() {
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
