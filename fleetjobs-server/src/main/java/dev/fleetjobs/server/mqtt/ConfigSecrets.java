package dev.fleetjobs.server.mqtt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Values the embedded broker's {@code config.xml} names by placeholder instead of holding them:
 * HiveMQ replaces {@code ${name}} with the Java system property of that name when it reads the
 * file, so the key store passwords are never written to disk. The properties exist only while
 * the broker starts (HiveMQ reads the file once); their names are random, so brokers starting at
 * once in one JVM do not meet.
 */
final class ConfigSecrets implements AutoCloseable {

    private final String prefix = "fleetjobs.mqtt." + UUID.randomUUID() + ".";
    private final Map<String, String> values = new LinkedHashMap<>();

    /** The placeholder to write in the file; HiveMQ substitutes the text before parsing the XML, so the value is escaped here. */
    String placeholder(String value) {
        String name = prefix + values.size();
        values.put(name, BrokerConfigFile.escape(value));
        return "${" + name + "}";
    }

    /** Makes the values readable for the broker's start. */
    void publish() {
        values.forEach(System::setProperty);
    }

    @Override
    public void close() {
        values.keySet().forEach(System::clearProperty);
    }
}
