package dev.fleetjobs.cli.bench;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/** The server a bench run measures: one it started itself ({@code --embedded}) or one at {@code --endpoint}. */
interface Target extends AutoCloseable {

    URI endpoint();

    AwsCredentials credentials();

    String region();

    /** Where devices connect over MQTT; empty when the server has no MQTT listener the bench knows of. */
    Optional<InetSocketAddress> mqtt();

    /** The server's CPU clock, when it can be read from here. */
    Optional<ProcessCpu> cpu();

    /** Whether the server runs in this JVM, so its heap is this JVM's. */
    boolean inProcess();

    /** One line for the report's heading. */
    String describe();

    @Override
    void close();
}
