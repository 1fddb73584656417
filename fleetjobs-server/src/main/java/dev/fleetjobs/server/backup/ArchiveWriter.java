package dev.fleetjobs.server.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A zip archive being written: each entry's size and SHA-256 are noted as it streams, and the manifest closes it. */
final class ArchiveWriter implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ZipOutputStream zip;
    private final List<BackupManifest.Entry> entries = new ArrayList<>();

    ArchiveWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out);
    }

    void add(String name, byte[] content) throws IOException {
        add(name, new java.io.ByteArrayInputStream(content));
    }

    /** Adds the file's content; the file is opened before the entry starts, so a missing file adds nothing. */
    void add(String name, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            add(name, in);
        }
    }

    private void add(String name, InputStream content) throws IOException {
        MessageDigest sha256 = sha256();
        zip.putNextEntry(new ZipEntry(name));
        long size;
        try (DigestInputStream in = new DigestInputStream(content, sha256)) {
            size = in.transferTo(zip);
        }
        zip.closeEntry();
        entries.add(new BackupManifest.Entry(name, size, HexFormat.of().formatHex(sha256.digest())));
    }

    List<BackupManifest.Entry> entries() {
        return List.copyOf(entries);
    }

    /** Writes the manifest as the last entry and finishes the archive. */
    void finish(BackupManifest manifest) throws IOException {
        zip.putNextEntry(new ZipEntry(BackupManifest.NAME));
        zip.write(JSON.writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
