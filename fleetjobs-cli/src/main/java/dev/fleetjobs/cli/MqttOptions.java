package dev.fleetjobs.cli;

import dev.fleetjobs.cli.config.Secret;
import dev.fleetjobs.server.auth.DeviceCertificateAuthorizer;
import dev.fleetjobs.server.mqtt.MqttSettings;
import dev.fleetjobs.server.mqtt.TlsFiles;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The {@code fleetjobs server} options of the MQTT side. */
final class MqttOptions {

    @Option(names = "--mqtt-port", paramLabel = "PORT",
            description = "Plain-TCP MQTT listener of the embedded broker; the client id names the thing and nothing is "
                    + "authenticated, so it needs --dev or --mqtt-allow-plain.")
    Integer plainPort;

    @Option(names = "--mqtt-allow-plain", description = "Allows --mqtt-port without --dev (devices are not authenticated).")
    boolean allowPlain;

    @Option(names = "--mqtts-port", paramLabel = "PORT",
            description = "TLS MQTT listener of the embedded broker; a device presents a client certificate from a CA in "
                    + "--mqtts-truststore that is registered, ACTIVE and attached to the thing its client id names; a back end "
                    + "logs in with an admin or operator access key (user name: its id, password: its secret) to subscribe to $aws/events/#.")
    Integer tlsPort;

    @Option(names = "--mqtts-keystore", paramLabel = "FILE", description = "PKCS12 or JKS key store with the server's key and certificate.")
    Path keystore;

    @Secret
    @Option(names = "--mqtts-keystore-password", paramLabel = "PASSWORD", description = "Its password (or FLEETJOBS_MQTTS_KEYSTORE_PASSWORD).")
    String keystorePassword;

    @Option(names = "--mqtts-truststore", paramLabel = "FILE", description = "Key store with the CA certificates that sign device certificates.")
    Path truststore;

    @Secret
    @Option(names = "--mqtts-truststore-password", paramLabel = "PASSWORD",
            description = "Its password (or FLEETJOBS_MQTTS_TRUSTSTORE_PASSWORD).")
    String truststorePassword;

    @Secret(Secret.Part.URL_PASSWORD)
    @Option(names = "--mqtt-broker", paramLabel = "URL",
            description = "mqtt://[user:password@]host:port or mqtts://...: serve the jobs topics through this external MQTT 5 "
                    + "broker (shared subscription, so several nodes split the requests) instead of an embedded one.")
    URI externalBroker;

    @Option(names = "--mqtt-events", description = "Publishes the jobs events on $aws/events/job/... and $aws/events/jobExecution/....")
    boolean events;

    @Option(names = "--mqtt-allow-topic", paramLabel = "FILTER",
            description = "A further topic filter every device may publish and subscribe to (repeatable); "
                    // picocli would interpolate ${...} itself: $$ keeps the placeholder as written.
                    + "$" + MqttSettings.THING_PLACEHOLDER + " stands for the device's thing name. Topics beginning with $ are "
                    + "the service's and cannot be given; back ends get $aws/events/# by logging in with an access key.")
    List<String> extraTopics = new ArrayList<>();

    MqttSettings settings(boolean dev, CommandLine commandLine) {
        if (plainPort != null && !dev && !allowPlain) {
            throw new CommandLine.ParameterException(commandLine,
                    "--mqtt-port accepts devices without authentication: add --dev or --mqtt-allow-plain.");
        }
        if (externalBroker != null && (plainPort != null || tlsPort != null)) {
            throw new CommandLine.ParameterException(commandLine, "--mqtt-broker cannot be combined with --mqtt-port or --mqtts-port.");
        }
        TlsFiles tls = null;
        if (tlsPort != null) {
            if (keystore == null || truststore == null) {
                throw new CommandLine.ParameterException(commandLine, "--mqtts-port needs --mqtts-keystore and --mqtts-truststore.");
            }
            tls = new TlsFiles(keystore, keystorePassword, null, truststore, truststorePassword);
        }
        try {
            return new MqttSettings(plainPort == null ? MqttSettings.OFF : plainPort, tlsPort == null ? MqttSettings.OFF : tlsPort,
                    tls, null, externalBroker, events, extraTopics);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, "--mqtt-allow-topic: " + e.getMessage());
        }
    }
}
