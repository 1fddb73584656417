package dev.fleetjobs.server.backup;

import dev.fleetjobs.server.app.DeviceTls;
import dev.fleetjobs.server.app.FleetjobsServer;
import dev.fleetjobs.server.app.RootCredentials;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.pki.CertificateAuthority;
import java.util.List;

/**
 * Which files of a SQLite node's data directory are its state, beside the database. What the
 * server makes again at every start is left out: {@code server.lock}, the embedded broker's folder
 * {@code mqtt/} (its configuration is rewritten at start and its sessions live in memory), the
 * database's {@code -wal}/{@code -shm} files (the snapshot holds what they held) and the artifact
 * store's scratch folder {@code artifacts/tmp}.
 */
final class NodeFiles {

    /** The built-in artifact store's folder (its buckets and uploads are copied). */
    static final String ARTIFACTS = "artifacts";

    /** Small files at the top of the data directory, copied when present. */
    static final List<String> KEY_FILES = List.of(
            SecretBox.FILE_NAME,
            RootCredentials.FILE_NAME,
            RootCredentials.UNSHOWN_FILE,
            CertificateAuthority.CERTIFICATE_FILE,
            CertificateAuthority.KEY_FILE,
            DeviceTls.DEV_CERTIFICATE_FILE, // --dev's device listener certificate and key
            DeviceTls.DEV_KEY_FILE,
            FleetjobsServer.DEV_CLOCK_FILE);

    private NodeFiles() {
    }
}
