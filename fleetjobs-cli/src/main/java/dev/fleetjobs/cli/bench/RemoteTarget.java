package dev.fleetjobs.cli.bench;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/**
 * A server that runs elsewhere: its URL, the caller's {@code AWS_*} credentials, where its MQTT
 * listener is, and, when it runs on this machine and its process id was given, its CPU clock.
 */
record RemoteTarget(URI endpoint, AwsCredentials credentials, String region, InetSocketAddress mqttAddress, ProcessCpu serverCpu)
        implements Target {

    @Override
    public Optional<ProcessCpu> cpu() {
        return Optional.ofNullable(serverCpu);
    }

    @Override
    public Optional<InetSocketAddress> mqtt() {
        return Optional.ofNullable(mqttAddress);
    }

    @Override
    public boolean inProcess() {
        return false;
    }

    @Override
    public String describe() {
        return endpoint.toString();
    }

    @Override
    public void close() {
        // nothing of the server is ours to stop
    }
}
