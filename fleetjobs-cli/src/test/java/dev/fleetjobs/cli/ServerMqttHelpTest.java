package dev.fleetjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The MQTT options of {@code fleetjobs server}: their help says what the code does, and bad filters are refused before anything starts. */
class ServerMqttHelpTest {

    private static String help() {
        CommandLine server = FleetjobsCommand.commandLine(Map.of()).getSubcommands().get("server").setUsageHelpWidth(400);
        return server.getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
    }

    @Test
    void theThingPlaceholderIsShownAsWrittenNotInterpolated() {
        assertThat(help()).contains("${iot:Connection.Thing.ThingName} stands for the device's thing name")
                .doesNotContain("null stands for");
    }

    @Test
    void theTlsListenerIsDescribedAsTheCodeChecksIt() {
        assertThat(help()).contains("registered, ACTIVE and attached to the thing its client id names")
                .doesNotContain("subject CN");
    }

    @Test
    void aFilterReachingTheServicesTopicsIsRefusedOnTheCommandLine(@TempDir Path dataDir) {
        CommandLine cli = FleetjobsCommand.commandLine(Map.of());
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("server", "--dev", "--mqtt-port", "0", "--mqtt-allow-topic", "$aws/events/#",
                "--data-dir", dataDir.resolve("never-started").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--mqtt-allow-topic").contains("$aws/events/#").contains("access key");
        assertThat(dataDir.resolve("never-started")).doesNotExist();
    }
}
