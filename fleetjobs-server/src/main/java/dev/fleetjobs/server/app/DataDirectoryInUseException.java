package dev.fleetjobs.server.app;

import java.nio.file.Path;

/** Another server already runs on the data directory (it holds the directory's lock). */
public final class DataDirectoryInUseException extends IllegalStateException {

    public DataDirectoryInUseException(Path dir, String holderPid) {
        super("Another Fleetjobs server" + (holderPid == null ? "" : " (pid " + holderPid + ")") + " is running on the data directory "
                + dir.toAbsolutePath().normalize() + ": stop it first, or give this one another --data-dir.");
    }
}
