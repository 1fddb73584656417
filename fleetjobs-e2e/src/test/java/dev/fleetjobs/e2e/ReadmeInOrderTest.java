package dev.fleetjobs.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README from top to bottom, as a newcomer follows it: every marked shell block, in document
 * order, in one directory standing for the repository root ({@code ./fleetjobs} is the built jar,
 * {@code ./fleetjobs-data} the server's one fresh data directory), against {@code fleetjobs server}
 * started as the README starts it. A block joins by its marker alone; its attributes say what it
 * needs (README, "How the README is tested").
 */
class ReadmeInOrderTest {

    @TempDir
    Path work;

    @Test
    void everyBlockRunsInOrderOnOneFreshDataDirectory() throws Exception {
        List<ReadmeBlocks.Block> blocks = ReadmeBlocks.all();
        assertThat(blocks).extracting(ReadmeBlocks.Block::name).containsSubsequence("quickstart", "mqtt-session", "grouprollout",
                "timeout-demo", "access-keys", "device-certificates", "agent", "operator-cli");
        Path launcher = work.resolve("fleetjobs");
        Files.writeString(launcher, "#!/usr/bin/env bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + JarCommand.JAR + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));

        List<String> ran = new ArrayList<>();
        try (ReadmeServer server = new ReadmeServer(work, work.resolve("fleetjobs-data"))) {
            for (ReadmeBlocks.Block block : blocks) {
                if (block.attribute("skip") != null) {
                    continue;
                }
                long started = System.nanoTime();
                server.ensure(block.attribute("server"));
                String output = ReadmeBlocks.run(block.script(),
                        block.attribute("server") == null ? server.environmentWithoutPorts() : server.environment(), work);
                System.out.printf("README block %s: %d ms%n", block.name(), (System.nanoTime() - started) / 1_000_000);
                String expected = block.attribute("expect");
                if (expected != null) {
                    List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
                    assertThat(lines).as(block.name() + " printed:\n" + output).isNotEmpty();
                    assertThat(lines.get(lines.size() - 1)).as(block.name() + " printed:\n" + output).contains(expected);
                }
                ran.add(block.name());
            }
        }
        assertThat(ran).as("every block that is not skipped ran").hasSize((int) blocks.stream().filter(b -> b.attribute("skip") == null).count());
    }
}
