package dev.fleetjobs.server.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.Supplier;

/**
 * The one place that turns a listener's failure to bind into a {@link PortInUseException}, for
 * every kind of listener (Vert.x, the embedded MQTT broker, ...). Libraries report a port clash in
 * their own ways (a {@code BindException} deep in a cause chain, or only a log line), so after a
 * failed start each of the listener's ports is probed: one that cannot be bound now is in use by
 * someone else, since the failed listener has let go of its own.
 */
public final class PortBinding {

    /** A port a listener opens and the option that chose it; port 0 (any free port) never clashes. */
    public record Port(String option, int port) {
    }

    private PortBinding() {
    }

    /** Runs {@code start}; when it fails because one of {@code ports} is taken, throws a {@link PortInUseException} naming it. */
    public static <T> T bind(String host, Supplier<T> start, Port... ports) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            for (Port port : ports) {
                if (port.port() > 0 && takenByOthers(host, port.port())) {
                    throw new PortInUseException(port.option(), host, port.port(), e);
                }
            }
            if (ports.length == 1 && ports[0].port() > 0 && causedByBind(e)) {
                throw new PortInUseException(ports[0].option(), host, ports[0].port(), e);
            }
            throw e;
        }
    }

    private static boolean takenByOthers(String host, int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return false;
        } catch (IOException e) {
            return isAddressInUse(e);
        }
    }

    private static boolean isAddressInUse(Throwable e) {
        return e instanceof BindException && e.getMessage() != null && e.getMessage().contains("in use");
    }

    private static boolean causedByBind(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isAddressInUse(t) || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }
}
