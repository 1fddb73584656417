package dev.fleetjobs.sdk.agent;

import dev.fleetjobs.sdk.http.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The agent's memory across restarts: one small JSON file, replaced atomically and flushed to the
 * device's storage on every change, so a crash leaves the old entry or the new one, never half.
 */
final class Journal {

    private final Path file;
    private final Path scratch;

    Journal(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the state directory " + stateDir, e);
        }
        this.file = stateDir.resolve("journal.json");
        this.scratch = stateDir.resolve("journal.json.tmp");
    }

    Optional<JournalEntry> load() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.read(Files.readAllBytes(file), JournalEntry.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the journal " + file, e);
        }
    }

    void save(JournalEntry entry) {
        try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(JsonCodec.write(entry)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the journal " + scratch, e);
        }
        try {
            Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replace the journal " + file, e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear the journal " + file, e);
        }
    }
}
