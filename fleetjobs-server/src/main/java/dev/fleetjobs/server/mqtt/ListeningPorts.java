package dev.fleetjobs.server.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Waits until ports accept TCP connections. HiveMQ's start completes before its listeners are
 * all bound, so without this a device connecting right after "Fleetjobs ready" could be refused.
 */
final class ListeningPorts {

    private static final int CONNECT_TIMEOUT_MILLIS = 200;
    private static final long PAUSE_MILLIS = 10;

    private ListeningPorts() {
    }

    /** Returns once each port (-1 for none) accepts a connection on {@code bindAddress}; throws when one does not in time. */
    static void await(String bindAddress, Duration timeout, int... ports) {
        InetAddress address = reachable(bindAddress);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int port : ports) {
            if (port <= 0) {
                continue;
            }
            while (!accepts(address, port)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The MQTT listener on port " + port + " did not accept connections within "
                            + timeout.toSeconds() + " s");
                }
                try {
                    Thread.sleep(PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the MQTT listeners", e);
                }
            }
        }
    }

    static boolean accepts(InetAddress address, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A wildcard bind address is reached on the loopback interface. */
    private static InetAddress reachable(String bindAddress) {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            return address.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : address;
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress();
        }
    }
}
