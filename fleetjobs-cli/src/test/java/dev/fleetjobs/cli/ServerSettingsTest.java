package dev.fleetjobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetjobs.cli.config.Secret;
import dev.fleetjobs.cli.ops.Cli;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code fleetjobs server} settings from flags, FLEETJOBS_* variables and a --config file, seen through --print-config. */
class ServerSettingsTest {

    @TempDir
    Path dir;

    private Path file(String toml) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "fleetjobs", ".conf"), toml);
    }

    private static Cli.Result run(Map<String, String> environment, String... args) {
        return new Cli(environment).run(args);
    }

    /** The line --print-config prints for a key. */
    private static String line(Cli.Result printed, String key) {
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        return printed.out().lines().filter(l -> l.startsWith(key + " = ") || l.startsWith("# " + key + " is not set"))
                .findFirst().orElseThrow(() -> new AssertionError(key + " not printed:\n" + printed.out()));
    }

    @Test
    void eachSourceIsUsedAndNamed() throws Exception {
        Path config = file("port = 9391\n");
        Cli.Result printed = run(Map.of("FLEETJOBS_DATA_DIR", "/srv/fleetjobs"), "server", "--config", config.toString(),
                "--host", "0.0.0.0", "--print-config");
        assertThat(line(printed, "port")).isEqualTo("port = 9391  # file " + config);
        assertThat(line(printed, "data-dir")).isEqualTo("data-dir = \"/srv/fleetjobs\"  # env FLEETJOBS_DATA_DIR");
        assertThat(line(printed, "host")).isEqualTo("host = \"0.0.0.0\"  # flag --host");
        assertThat(line(printed, "max-connections")).isEqualTo("max-connections = 10000  # default");
        assertThat(line(printed, "device-port")).isEqualTo("# device-port is not set  # default");
        assertThat(printed.out()).contains("# config file: " + config + " (--config)");
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
        Path config = file("port = 1001\nheader-timeout = 7\n");
        Map<String, String> env = Map.of("FLEETJOBS_PORT", "1002");
        assertThat(line(run(env, "server", "--config", config.toString(), "--port", "1003", "--print-config"), "port"))
                .startsWith("port = 1003  # flag");
        assertThat(line(run(env, "server", "--config", config.toString(), "--print-config"), "port")).startsWith("port = 1002  # env");
        assertThat(line(run(Map.of(), "server", "--config", config.toString(), "--print-config"), "port")).startsWith("port = 1001  # file");
        assertThat(line(run(Map.of(), "server", "--print-config"), "port")).isEqualTo("port = 9290  # default");
        assertThat(line(run(env, "server", "--config", config.toString(), "--print-config"), "header-timeout"))
                .startsWith("header-timeout = 7  # file");
    }

    @Test
    void fleetjobsConfigNamesTheFileAndConfigBeatsIt() throws Exception {
        Path fromEnvironment = file("port = 2001\n");
        Path fromFlag = file("port = 2002\n");
        Map<String, String> env = Map.of("FLEETJOBS_CONFIG", fromEnvironment.toString());
        assertThat(line(run(env, "server", "--print-config"), "port")).startsWith("port = 2001  # file");
        assertThat(run(env, "server", "--print-config").out()).contains("(FLEETJOBS_CONFIG)");
        assertThat(line(run(env, "server", "--config", fromFlag.toString(), "--print-config"), "port")).startsWith("port = 2002  # file");
    }

    @Test
    void variablesThatNameNoOptionAreLeftAlone() {
        Map<String, String> env = Map.of("FLEETJOBS_URL", "http://elsewhere:1", "FLEETJOBS_SEALING_KEY", "c2VjcmV0",
                "FLEETJOBS_NO_SUCH_OPTION", "x", "FLEETJOBS_PRINT_CONFIG", "false");
        Cli.Result printed = run(env, "server", "--print-config");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        assertThat(printed.out()).doesNotContain("elsewhere").doesNotContain("c2VjcmV0").doesNotContain("# env");
    }

    @Test
    void unknownKeysAreAnErrorNamingThemAndTheNearestOption() throws Exception {
        Path config = file("# typos\nprot = 9290\ndatadir = \"x\"\nport = 1\n");
        Cli.Result result = run(Map.of(), "server", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("error: " + config + ": unknown keys 'prot' (did you mean 'port'?), 'datadir' (did you mean 'data-dir'?)");
        assertThat(run(Map.of(), "server", "--config", file("config = \"other.conf\"\n").toString()).err()).contains("unknown key 'config'");
    }

    @Test
    void valuesOfTheWrongTypeNameTheKeyAndTheFile() throws Exception {
        Path config = file("port = \"9290\"\n");
        Cli.Result result = run(Map.of(), "server", "--config", config.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: " + config + ": port must be an integer, not the string \"9290\"\n");
        assertThat(run(Map.of(), "server", "--config", file("dev = \"yes\"\n").toString()).err()).contains("dev must be true or false");
        assertThat(run(Map.of(), "server", "--config", file("host = 127\n").toString()).err()).contains("host must be a string");
        assertThat(run(Map.of(), "server", "--config", file("mqtt-allow-topic = [1, 2]\n").toString()).err())
                .contains("mqtt-allow-topic must be an array of strings");
        Cli.Result env = run(Map.of("FLEETJOBS_PORT", "nine"), "server", "--print-config");
        assertThat(env.exitCode()).isEqualTo(2);
        assertThat(env.err()).startsWith("error: FLEETJOBS_PORT: ").contains("'nine' is not an int");
        assertThat(run(Map.of("FLEETJOBS_DEV", "on"), "server", "--print-config").err())
                .isEqualTo("error: FLEETJOBS_DEV must be true or false, not 'on'\n");
    }

    @Test
    void aBrokenOrMissingFileIsOneLineWithItsPlace() throws Exception {
        Path config = file("port = 1\n[server]\n");
        assertThat(run(Map.of(), "server", "--config", config.toString()).err())
                .isEqualTo("error: " + config + ":2: tables ([...]) are not supported: write every key at the top level\n");
        Cli.Result missing = run(Map.of(), "server", "--config", dir.resolve("absent.conf").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("error: config file not found: " + dir.resolve("absent.conf") + "\n");
    }

    @Test
    void repeatableOptionsTakeAnArrayOrACommaSeparatedVariable() throws Exception {
        Path config = file("mqtt-allow-topic = [\n  \"fleet/a\",  # one\n  'fleet/b',\n]\n");
        assertThat(line(run(Map.of(), "server", "--config", config.toString(), "--print-config"), "mqtt-allow-topic"))
                .startsWith("mqtt-allow-topic = [\"fleet/a\", \"fleet/b\"]  # file");
        assertThat(line(run(Map.of("FLEETJOBS_MQTT_ALLOW_TOPIC", "x/1, x/2"), "server", "--config", config.toString(), "--print-config"),
                "mqtt-allow-topic")).startsWith("mqtt-allow-topic = [\"x/1\", \"x/2\"]  # env");
        assertThat(line(run(Map.of("FLEETJOBS_MQTT_ALLOW_TOPIC", "x/1"), "server", "--config", config.toString(),
                "--mqtt-allow-topic", "flag/only", "--print-config"), "mqtt-allow-topic")).startsWith("mqtt-allow-topic = [\"flag/only\"]  # flag");
    }

    @Test
    void booleansComeFromTrueAndFalse() throws Exception {
        assertThat(line(run(Map.of(), "server", "--config", file("dev = true\n").toString(), "--print-config"), "dev"))
                .startsWith("dev = true  # file");
        assertThat(line(run(Map.of("FLEETJOBS_MQTT_EVENTS", "TRUE"), "server", "--print-config"), "mqtt-events"))
                .startsWith("mqtt-events = true  # env");
    }

    @Test
    void secretsAreMasked() throws Exception {
        Path config = file("database-url = \"postgresql://fleetjobs:change-me@db:5432/fleetjobs\"\n"
                + "mqtt-broker = \"mqtts://backend:broker-pw@broker:8883\"\n");
        Map<String, String> env = Map.of("FLEETJOBS_MQTTS_KEYSTORE_PASSWORD", "hunter2");
        Cli.Result printed = run(env, "server", "--config", config.toString(), "--mqtts-truststore-password", "trust-pw", "--print-config");
        assertThat(printed.out()).doesNotContain("change-me", "broker-pw", "hunter2", "trust-pw");
        assertThat(line(printed, "database-url")).isEqualTo("database-url = \"postgresql://fleetjobs:********@db:5432/fleetjobs\"  # file " + config);
        assertThat(line(printed, "mqtt-broker")).startsWith("mqtt-broker = \"mqtts://backend:********@broker:8883\"");
        assertThat(line(printed, "mqtts-keystore-password")).isEqualTo("mqtts-keystore-password = \"********\"  # env FLEETJOBS_MQTTS_KEYSTORE_PASSWORD");
        assertThat(line(printed, "mqtts-truststore-password")).isEqualTo("mqtts-truststore-password = \"********\"  # flag --mqtts-truststore-password");
        Cli.Result jdbc = run(Map.of("FLEETJOBS_DATABASE_URL", "jdbc:postgresql://db/fleetjobs?user=f&password=s3cret"), "server", "--print-config");
        assertThat(line(jdbc, "database-url")).contains("password=********").doesNotContain("s3cret");
    }

    @Test
    void everyOptionNamedLikeASecretIsMarkedSecret() {
        CommandLine server = FleetjobsCommand.commandLine(Map.of()).getSubcommands().get("server");
        List<OptionSpec> named = server.getCommandSpec().options().stream()
                .filter(option -> option.longestName().matches(".*(password|secret|token|credential).*")).toList();
        assertThat(named).isNotEmpty();
        for (OptionSpec option : named) {
            assertThat(((Field) option.userObject()).isAnnotationPresent(Secret.class)).as(option.longestName() + " carries @Secret").isTrue();
        }
    }

    @Test
    void theHelpShowsTheBuiltInDefaults() throws Exception {
        Map<String, String> env = Map.of("FLEETJOBS_PORT", "1234", "FLEETJOBS_CONFIG", file("header-timeout = 3\n").toString());
        Cli.Result help = run(env, "server", "--help");
        assertThat(help.out().replaceAll("\\s+", " ")).contains("(default: 9290)").contains("(default: 20)").doesNotContain("1234");
    }

    @Test
    void thePrintedSettingsReadBackAsAConfigFile() throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("FLEETJOBS_DATA_DIR", dir.resolve("data").toString()));
        Cli.Result first = run(env, "server", "--port", "4321", "--mqtt-allow-topic", "a/\"quoted\"", "--print-config");
        assertThat(first.exitCode()).as(first.err()).isZero();
        Path config = file(first.out());
        Cli.Result second = run(Map.of(), "server", "--config", config.toString(), "--print-config");
        assertThat(line(second, "port")).startsWith("port = 4321  # file");
        assertThat(line(second, "mqtt-allow-topic")).startsWith("mqtt-allow-topic = [\"a/\\\"quoted\\\"\"]  # file");
        assertThat(line(second, "data-dir")).startsWith("data-dir = \"" + dir.resolve("data") + "\"  # file");
    }

    @Test
    void printConfigStartsNothing() {
        Path data = dir.resolve("never-created");
        Cli.Result printed = run(Map.of(), "server", "--data-dir", data.toString(), "--print-config");
        assertThat(printed.exitCode()).isZero();
        assertThat(data).doesNotExist();
    }
}
