package dev.fleetjobs.server.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The offset in a file of the data directory (one node on SQLite), replaced atomically at each move. */
public final class FileClockOffsets implements ClockOffsets {

    private static final Logger LOG = LoggerFactory.getLogger(FileClockOffsets.class);

    private final Path file;

    public FileClockOffsets(Path file) {
        this.file = file;
    }

    @Override
    public OptionalLong load() {
        if (!Files.exists(file)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(Files.readString(file).strip()));
        } catch (IOException | NumberFormatException e) {
            LOG.warn("Ignoring the unreadable dev clock offset in {}: {}", file, e.toString());
            return OptionalLong.empty();
        }
    }

    @Override
    public void save(long offsetMillis) {
        try {
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), Long.toString(offsetMillis));
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the dev clock's offset in " + file, e);
        }
    }
}
