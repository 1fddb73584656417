package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's runnable shell blocks: a {@code bash} fence between {@code <!-- name attributes -->} and
 * {@code <!-- /name -->}, run as written with the AWS CLI v2 (Debian's {@code /usr/bin/aws}). The
 * attributes ({@code server="..."}, {@code expect="..."}, {@code skip="..."}) are what the README's
 * last section, "How the README is tested", says.
 */
final class ReadmeBlocks {

    static final Path AWS_CLI_V2 = Path.of("/usr/bin/aws");
    static final Path README = Path.of("..", "README.md");

    private static final Pattern OPENING = Pattern.compile("<!-- ([a-z0-9][a-z0-9-]*)((?: [a-z-]+=\"[^\"]*\")*) -->");
    private static final Pattern ATTRIBUTE = Pattern.compile(" ([a-z-]+)=\"([^\"]*)\"");

    /** One marked block: its name, its attributes and the shell lines of its bash fence. */
    record Block(String name, Map<String, String> attributes, String script) {

        String attribute(String key) {
            return attributes.get(key);
        }
    }

    private ReadmeBlocks() {
    }

    /** Writes {@code work/fleetjobs}, the README's {@code ./fleetjobs}, running the built fleetjobs.jar. */
    static Path launcher(Path work) throws IOException {
        Path jar = Path.of("..", "fleetjobs-cli", "target", "fleetjobs.jar").toAbsolutePath().normalize();
        assertThat(jar).as("fleetjobs-cli is packaged before the e2e tests run").exists();
        Path launcher = work.resolve("fleetjobs");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -jar '" + jar + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return launcher;
    }

    /** The shell lines of the README block {@code name}, fences dropped. */
    static String block(String name) throws IOException {
        return all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no README block marked <!-- " + name + " --> ... <!-- /" + name + " -->"))
                .script();
    }

    /** Every marked bash block, in document order. Markers without a closing one, or around other code (Java), are not blocks. */
    static List<Block> all() throws IOException {
        String readme = Files.readString(README);
        List<Block> blocks = new ArrayList<>();
        Matcher opening = OPENING.matcher(readme);
        while (opening.find()) {
            String name = opening.group(1);
            int end = readme.indexOf("<!-- /" + name + " -->", opening.end());
            if (end < 0) {
                continue;
            }
            String body = readme.substring(opening.end(), end);
            if (!body.contains("```bash\n")) {
                continue;
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(opening.group(2));
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2));
            }
            blocks.add(new Block(name, attributes, script(body)));
        }
        return blocks;
    }

    private static String script(String body) {
        StringBuilder script = new StringBuilder();
        boolean inFence = false;
        for (String line : body.split("\n")) {
            if (line.startsWith("```")) {
                inFence = !inFence;
            } else if (inFence) {
                script.append(line).append('\n');
            }
        }
        return script.toString();
    }

    /** The root credentials, the region and no AWS configuration files, for an AWS CLI process working in {@code work}. */
    static void awsEnvironment(ProcessBuilder builder, Path work) {
        builder.environment().put("AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", "us-east-1");
        builder.environment().put("AWS_PAGER", "");
        builder.environment().put("AWS_CONFIG_FILE", work.resolve("no-config").toString());
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("no-credentials").toString());
    }

    /**
     * Runs {@code script} with bash in {@code work}, the root credentials and the server's URL in
     * the environment and no AWS configuration files; returns what it printed, after checking it succeeded.
     */
    static String run(String script, RunningServer server, Path work) throws IOException, InterruptedException {
        return run(script, Map.of("FLEETJOBS_URL", server.endpoint().toString(), "AWS_ACCESS_KEY_ID", RunningServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", RunningServer.SECRET_KEY), work);
    }

    /**
     * Runs {@code script} with {@code bash -euo pipefail} in {@code work}, with {@code environment} (the server's URL and
     * credentials), the AWS CLI v2 first on the PATH and no AWS configuration files; returns what it printed, after
     * checking it succeeded.
     */
    static String run(String script, Map<String, String> environment, Path work) throws IOException, InterruptedException {
        assertThat(AWS_CLI_V2).as("the AWS CLI v2 (Debian package awscli; the test command .ci/run installs it)").isExecutable();
        Path bin = Files.createDirectories(work.resolve("bin"));
        if (!Files.exists(bin.resolve("aws"), LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(bin.resolve("aws"), AWS_CLI_V2);
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
                .directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        awsEnvironment(builder, work);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
