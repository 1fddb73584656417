package dev.fleetjobs.server.backup;

import java.util.List;

/**
 * What a backup archive holds, written into it as {@value #NAME}: enough for a person reading it
 * to know what the file is (and that it must be guarded), and for a restore to check every entry.
 *
 * @param format          always {@value #FORMAT}: marks the archive as a Fleetjobs backup
 * @param formatVersion   the layout of the archive; a restore refuses one it does not know
 * @param fleetjobsVersion the version of the tool that wrote it
 * @param createdAt       ISO-8601 instant the database snapshot was taken at
 * @param sourceDataDir   the data directory it was taken from
 * @param database        {@value #SQLITE}: the only kind a backup holds
 * @param notice          a sentence for people: what the file holds and that it holds secret keys
 * @param entries         every other entry of the archive, as a path relative to the data directory
 */
public record BackupManifest(String format, int formatVersion, String fleetjobsVersion, String createdAt, String sourceDataDir,
                             String database, String notice, List<Entry> entries) {

    public static final String NAME = "fleetjobs-backup.json";
    public static final String FORMAT = "fleetjobs-backup";
    public static final int VERSION = 1;
    public static final String SQLITE = "sqlite";
    static final String NOTICE = "A Fleetjobs node's whole state: its SQLite database and the files beside it, including the node's "
            + "secret keys (secret.key, the device CA's key, the root credentials). Whoever reads this file can act as the server: "
            + "keep it as private as the data directory itself. Restore with: fleetjobs restore --input FILE --data-dir NEW_DIR";

    /** One file: its path under the data directory ({@code /} between names), its size and the SHA-256 of its content in hex. */
    public record Entry(String path, long size, String sha256) {
    }

    public long totalBytes() {
        return entries.stream().mapToLong(Entry::size).sum();
    }
}
