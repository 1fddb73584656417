package dev.fleetjobs.cli.bench;

import dev.fleetjobs.sdk.auth.AwsCredentials;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;

/** A server that runs elsewhere: its URL, the caller's {@code AWS_*} credentials, and where its MQTT listener is. */
record RemoteTarget(URI endpoint, AwsCredentials credentials, String region, InetSocketAddress mqttAddress) implements Target {

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
