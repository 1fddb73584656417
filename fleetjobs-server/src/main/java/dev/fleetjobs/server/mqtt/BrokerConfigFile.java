package dev.fleetjobs.server.mqtt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded broker's {@code config.xml}, written anew (owner-only) at every start from the
 * settings. The limits are chosen, not inherited from HiveMQ's defaults: see the comments in the
 * XML. Every value that comes from outside (addresses, paths, passwords) is a placeholder
 * resolved from {@link ConfigSecrets}, so the file holds no secret and no text that could change
 * its meaning.
 */
final class BrokerConfigFile {

    /** Per client; past it the oldest queued messages go first, since the newest notification carries the current state. */
    static final int MAX_QUEUED_MESSAGES = 10_000;

    private BrokerConfigFile() {
    }

    static void write(Path folder, String bindAddress, int plainPort, int tlsPort, TlsFiles tls, ConfigSecrets secrets) throws IOException {
        String address = secrets.placeholder(bindAddress);
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\"?>\n<hivemq>\n  <listeners>\n");
        if (plainPort != MqttSettings.OFF) {
            xml.append("    <tcp-listener>\n")
                    .append("      <port>").append(plainPort).append("</port>\n")
                    .append("      <bind-address>").append(address).append("</bind-address>\n")
                    .append("      <name>plain</name>\n")
                    .append("    </tcp-listener>\n");
        }
        if (tlsPort != MqttSettings.OFF) {
            xml.append("    <tls-tcp-listener>\n")
                    .append("      <port>").append(tlsPort).append("</port>\n")
                    .append("      <bind-address>").append(address).append("</bind-address>\n")
                    .append("      <name>tls</name>\n")
                    .append("      <tls>\n")
                    .append("        <keystore>\n")
                    .append("          <path>").append(secrets.placeholder(tls.keystore().toAbsolutePath().toString())).append("</path>\n")
                    .append("          <password>").append(secrets.placeholder(tls.keystorePassword())).append("</password>\n")
                    .append("          <private-key-password>").append(secrets.placeholder(tls.privateKeyPassword())).append("</private-key-password>\n")
                    .append("        </keystore>\n")
                    .append("        <truststore>\n")
                    .append("          <path>").append(secrets.placeholder(tls.truststore().toAbsolutePath().toString())).append("</path>\n")
                    .append("          <password>").append(secrets.placeholder(tls.truststorePassword())).append("</password>\n")
                    .append("        </truststore>\n")
                    .append("        <protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>\n")
                                        // Devices present a certificate; back ends may log in with an access key instead (ClientAuthenticator).
                    .append("        <client-authentication-mode>OPTIONAL</client-authentication-mode>\n")
                    .append("      </tls>\n")
                    .append("    </tls-tcp-listener>\n");
        }
        xml.append("  </listeners>\n")
                .append("  <mqtt>\n")
                .append("    <queued-messages>\n")
                .append("      <max-queue-size>").append(MAX_QUEUED_MESSAGES).append("</max-queue-size>\n")
                .append("      <strategy>discard-oldest</strategy>\n")
                .append("    </queued-messages>\n")
                // AWS IoT's limits: 128 KiB payloads (some room for the header), keep-alive up to 1200 s.
                .append("    <packets><max-packet-size>135168</max-packet-size></packets>\n")
                .append("    <keep-alive><max-keep-alive>1200</max-keep-alive><allow-unlimited>false</allow-unlimited></keep-alive>\n")
                // AWS keeps a persistent session one hour by default.
                .append("    <session-expiry><max-interval>3600</max-interval></session-expiry>\n")
                .append("  </mqtt>\n")
                .append("  <restrictions>\n")
                .append("    <max-client-id-length>128</max-client-id-length>\n")
                .append("  </restrictions>\n")
                // The client id names the thing: never let the broker make one up.
                .append("  <security><allow-empty-client-id><enabled>false</enabled></allow-empty-client-id></security>\n")
                // Sessions are not kept across restarts: devices ask for their jobs again when they reconnect.
                .append("  <persistence><mode>in-memory</mode></persistence>\n")
                .append("  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>\n")
                .append("</hivemq>\n");
        BrokerFolder.writePrivate(folder.resolve("config.xml"), xml.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
