package dev.fleetjobs.sdk.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes handler scripts for tests: each appends its step to a log file, then does what it is told. */
public final class Handlers {

    private final Path dir;
    private final Path log;

    public Handlers(Path dir) {
        this.dir = dir;
        this.log = dir.resolve("invocations.log");
    }

    public Path dir() {
        return dir;
    }

    /** A handler that logs {@code name $@} and then runs {@code body} (POSIX shell). */
    public Handlers script(String name, String body) {
        Path file = dir.resolve(name);
        try {
            Files.writeString(file, "#!/bin/sh\necho \"" + name + " $*\" >> '" + log + "'\n" + body + "\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The lines the handlers logged, in order. */
    public List<String> invocations() {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A shell line that waits until {@code file} exists, after creating {@code marker}. */
    public static String waitFor(Path marker, Path file) {
        return "touch '" + marker + "'\nwhile [ ! -f '" + file + "' ]; do sleep 0.05; done";
    }
}
