package dev.fleetjobs.server.mqtt;

import dev.fleetjobs.server.auth.AccessKeyLogin;
import dev.fleetjobs.server.auth.DeviceCertificateAuthorizer;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * How devices reach the jobs API over MQTT: an embedded broker with a plain and/or a TLS
 * listener, or an external MQTT 5 broker, or none at all.
 *
 * @param plainPort      plain TCP listener, client id = thing name, no authentication; -1 for none, 0 for a free port
 * @param tlsPort        TLS listener with client certificates; -1 for none, 0 for a free port
 * @param tls            key material of the TLS listener, required with {@code tlsPort}
 * @param certificates   decides whether a client certificate may act as the thing its client id names; null with a TLS
 *                       listener leaves it to the server's certificate registry (ACTIVE and attached to the thing)
 * @param externalBroker {@code mqtt://} or {@code mqtts://} URL of an external broker; then no listener is opened
 * @param events         publish the jobs events ({@code $aws/events/job/...}, {@code $aws/events/jobExecution/...})
 * @param extraTopics    topic filters every device may also publish and subscribe to;
 *                       {@value #THING_PLACEHOLDER} stands for the device's own thing name. None may begin
 *                       with {@code $}: those topics are the service's, and back ends get the jobs events by
 *                       logging in with an access key
 * @param backEnds       checks the access keys back ends log in with (user name and password) to subscribe to
 *                       the jobs events; null refuses every such login
 */
public record MqttSettings(
        int plainPort,
        int tlsPort,
        TlsFiles tls,
        DeviceCertificateAuthorizer certificates,
        URI externalBroker,
        boolean events,
        List<String> extraTopics,
        AccessKeyLogin backEnds) {

    public static final String THING_PLACEHOLDER = "${iot:Connection.Thing.ThingName}";
    public static final int OFF = -1;

    public MqttSettings {
        extraTopics = List.copyOf(extraTopics);
        extraTopics.forEach(MqttSettings::checkExtraTopic);
        if (tlsPort != OFF) {
            Objects.requireNonNull(tls, "tls (keystore and truststore) is required for the TLS listener");
        }
        if (externalBroker != null && (plainPort != OFF || tlsPort != OFF)) {
            throw new IllegalArgumentException("With an external broker Fleetjobs opens no MQTT listener of its own");
        }
    }

    /**
     * An extra filter may not reach the service's topics. Those beginning with {@code $} do; so do
     * those beginning with a wildcard, because the embedded broker (unlike the MQTT specification)
     * matches {@code #} and {@code +/...} against {@code $} topics too.
     */
    private static void checkExtraTopic(String filter) {
        String first = filter.replace(THING_PLACEHOLDER, "thing").split("/", -1)[0];
        if (first.startsWith("$")) {
            throw new IllegalArgumentException("The extra topic filter " + filter + " reaches topics beginning with $, which belong to"
                    + " the service: devices have their own jobs topics, and back ends get " + TopicGrants.EVENTS
                    + " by logging in with an access key (user name: its id, password: its secret).");
        }
        if (first.equals("#") || first.equals("+")) {
            throw new IllegalArgumentException("The extra topic filter " + filter + " begins with a wildcard, which the broker would"
                    + " also match against every thing's $aws topics, which belong to the service; begin it with a topic level"
                    + " of its own, such as devices/+/status.");
        }
    }

    /** Settings without back-end logins until {@link #withBackEnds} adds them. */
    public MqttSettings(int plainPort, int tlsPort, TlsFiles tls, DeviceCertificateAuthorizer certificates, URI externalBroker,
                        boolean events, List<String> extraTopics) {
        this(plainPort, tlsPort, tls, certificates, externalBroker, events, extraTopics, null);
    }

    public static MqttSettings disabled() {
        return new MqttSettings(OFF, OFF, null, null, null, false, List.of());
    }

    public boolean enabled() {
        return embedded() || externalBroker != null;
    }

    public boolean embedded() {
        return plainPort != OFF || tlsPort != OFF;
    }

    public MqttSettings withCertificates(DeviceCertificateAuthorizer authorizer) {
        return new MqttSettings(plainPort, tlsPort, tls, authorizer, externalBroker, events, extraTopics, backEnds);
    }

    public MqttSettings withBackEnds(AccessKeyLogin logins) {
        return new MqttSettings(plainPort, tlsPort, tls, certificates, externalBroker, events, extraTopics, logins);
    }

    public MqttSettings withEvents(boolean enabled) {
        return new MqttSettings(plainPort, tlsPort, tls, certificates, externalBroker, enabled, extraTopics, backEnds);
    }
}
