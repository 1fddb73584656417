package dev.fleetjobs.cli.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.cli.FleetjobsCommand;
import dev.fleetjobs.core.model.S3Location;
import dev.fleetjobs.core.rules.PresignedUrlPlaceholders;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.ServerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fleetjobs artifact put/list/rm} against a live server's S3 front. */
class ArtifactCommandTest {

    private static final String KEY = "FJIACLITESTKEY000018";
    private static final String SECRET = "cli-test-secret-0000000000000000000000018";
    private static final Pattern PLACEHOLDER = Pattern.compile("placeholder: (\\$\\{aws:iot:s3-presigned-url:([^}]+)})");

    @TempDir
    Path temp;

    private FleetjobsServer server;
    private Map<String, String> environment;

    @BeforeEach
    void start() throws Exception {
        server = FleetjobsServer.start(ServerConfig.defaults("127.0.0.1", 0, temp.resolve("data")).withRootCredentials(KEY, SECRET));
        environment = Map.of("FLEETJOBS_URL", "http://127.0.0.1:" + server.port(), "AWS_ACCESS_KEY_ID", KEY, "AWS_SECRET_ACCESS_KEY", SECRET);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void putPrintsThePlaceholderAndTheSha256AndListAndRmFollow() throws Exception {
        byte[] big = new byte[9 * 1024 * 1024];
        new Random(5).nextBytes(big);
        Path firmware = Files.write(temp.resolve("fw-2.0.bin"), big);
        Path notes = Files.writeString(temp.resolve("notes.txt"), "release notes");

        String[] put = run("artifact", "put", firmware.toString(), "--bucket", "firmware");
        assertThat(put[0]).as(put[1]).contains("sha256: " + sha256(big)).contains("to s3://firmware/fw-2.0.bin (" + big.length + " bytes");
        Matcher placeholder = PLACEHOLDER.matcher(put[0]);
        assertThat(placeholder.find()).as(put[0]).isTrue();
        assertThat(PresignedUrlPlaceholders.parse(placeholder.group(2))).isEqualTo(new S3Location("firmware", "fw-2.0.bin"));
        assertThat(put[0]).contains("\"type\":\"download\"").contains("\"sha256\":\"" + sha256(big) + "\"");

        String[] second = run("artifact", "put", notes.toString(), "--bucket", "firmware", "--key", "docs/release notes.txt");
        Matcher spaced = PLACEHOLDER.matcher(second[0]);
        assertThat(spaced.find()).isTrue();
        assertThat(spaced.group(2)).endsWith("/firmware/docs/release%20notes.txt");
        assertThat(PresignedUrlPlaceholders.parse(spaced.group(2)).key()).isEqualTo("docs/release notes.txt");

        String listed = run("artifact", "list", "--bucket", "firmware")[0];
        assertThat(listed.lines().toList()).hasSize(3);
        assertThat(listed).contains("fw-2.0.bin").contains(Integer.toString(big.length)).contains(sha256(big))
                .contains("docs/release notes.txt").contains(sha256("release notes".getBytes()));

        assertThat(run("artifact", "rm", "fw-2.0.bin", "--bucket", "firmware")[0]).contains("removed s3://firmware/fw-2.0.bin");
        assertThat(run("artifact", "list", "--bucket", "firmware")[0]).doesNotContain("fw-2.0.bin").contains("release notes");

        StringWriter err = new StringWriter();
        CommandLine command = FleetjobsCommand.commandLine(environment);
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        assertThat(command.execute("artifact", "rm", "fw-2.0.bin", "--bucket", "firmware")).isEqualTo(1);
        assertThat(err.toString()).contains("error: NoSuchKey");
    }

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = FleetjobsCommand.commandLine(environment);
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        assertThat(exit).as(String.join(" ", args) + ": " + err).isZero();
        return new String[] {out.toString(), err.toString()};
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
