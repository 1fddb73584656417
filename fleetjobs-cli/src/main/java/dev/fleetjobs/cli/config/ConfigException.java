package dev.fleetjobs.cli.config;

/** A setting that cannot be used: the message names the file or variable and the key, on one line. */
public final class ConfigException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
