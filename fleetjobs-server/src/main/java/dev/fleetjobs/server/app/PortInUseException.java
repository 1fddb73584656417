package dev.fleetjobs.server.app;

/**
 * A listener could not open its port because something else listens there. The message is one
 * line for the person who started the server: the port, the option that chose it, what to do.
 */
public final class PortInUseException extends RuntimeException {

    private final String option;
    private final int port;

    public PortInUseException(String option, String host, int port, Throwable cause) {
        super("Port " + port + " on " + host + " is already in use (" + option + "): stop what listens there, or choose another port with "
                + option + ".", cause);
        this.option = option;
        this.port = port;
    }

    /** The command-line option that names this listener's port, such as {@code --port} or {@code --mqtt-port}. */
    public String option() {
        return option;
    }

    public int port() {
        return port;
    }
}
