package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's test command, {@code .ci/run}, on pretend machines: a copy of the script beside a
 * stand-in {@code mvnw}, a pretend file-system root ({@code CI_RUN_ROOT}) where the tools are or
 * are not, and stand-ins for {@code id}, {@code sudo} and {@code apt-get} that record how they were
 * called. (Packages cannot be uninstalled on a real machine to try the missing case.)
 */
class CiRunScriptTest {

    private static final List<String> ALL = List.of("awscli", "mosquitto", "mosquitto-clients", "curl", "chromium", "chromium-driver",
            "postgresql");

    @TempDir
    Path temp;

    private Path repo;
    private Path bin;
    private Path root;
    private Path calls;

    @BeforeEach
    void pretendMachine() throws IOException {
        repo = Files.createDirectories(temp.resolve("repo"));
        bin = Files.createDirectories(temp.resolve("bin"));
        root = Files.createDirectories(temp.resolve("root"));
        calls = temp.resolve("calls.log");
        Files.copy(Path.of("..", ".ci", "run"), Files.createDirectories(repo.resolve(".ci")).resolve("run"));
        script(repo.resolve("mvnw"), "echo \"mvnw $*\" >> '" + calls + "'");
        script(bin.resolve("apt-get"), "echo \"apt-get $*\" >> '" + calls + "'");
        for (String tool : List.of("dirname", "env")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
    }

    @Test
    void asRootItInstallsExactlyWhatIsMissingThenRunsMavenVerify() throws Exception {
        user(0);
        provide("/usr/bin/aws", "/usr/bin/curl", "/usr/bin/chromium", "/usr/bin/chromedriver", "/usr/bin/psql");

        Run run = run("-pl", "fleetjobs-core");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(calls()).containsExactly("apt-get update -qq", "apt-get install -y -qq mosquitto mosquitto-clients",
                "mvnw verify -pl fleetjobs-core");
    }

    @Test
    void asAnotherUserItInstallsThroughSudo() throws Exception {
        user(1000);
        script(bin.resolve("sudo"), "echo \"sudo $1\" >> '" + calls + "'\nexec \"$@\"");

        Run run = run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(calls()).containsExactly("sudo env", "apt-get update -qq", "sudo env", "apt-get install -y -qq " + String.join(" ", ALL),
                "mvnw verify");
    }

    @Test
    void withoutRootOrSudoItNamesThePackagesAndStops() throws Exception {
        user(1000);

        Run run = run();
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("the tests need these Debian packages: " + String.join(" ", ALL))
                .contains("apt-get install " + String.join(" ", ALL));
        assertThat(calls()).as("nothing installed, no build").isEmpty();
    }

    @Test
    void withEverythingInPlaceItOnlyRunsMavenVerify() throws Exception {
        user(1000);
        provide("/usr/bin/aws", "/usr/sbin/mosquitto", "/usr/bin/mosquitto_sub", "/usr/bin/curl", "/usr/bin/chromium",
                "/usr/bin/chromedriver", "/usr/bin/psql");

        Run run = run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(calls()).containsExactly("mvnw verify");
    }

    @Test
    void theReadmesTestCommandIsCisAndRunsMavenVerify() throws IOException {
        assertThat(Files.readString(Path.of("..", ".ci", "run"))).contains("\nexec ./mvnw verify \"$@\"\n");
        assertThat(Files.readString(Path.of("..", "README.md"))).contains("\n.ci/run ");
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", repo.resolve(".ci").resolve("run").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin.toString());
        builder.environment().put("CI_RUN_ROOT", root.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private void user(int uid) throws IOException {
        script(bin.resolve("id"), "echo " + uid);
    }

    private void provide(String... files) throws IOException {
        for (String file : files) {
            Path path = root.resolve(file.substring(1));
            Files.createDirectories(path.getParent());
            script(path, "true");
        }
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }
}
