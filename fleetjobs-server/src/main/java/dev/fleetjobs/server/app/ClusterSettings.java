package dev.fleetjobs.server.app;

import dev.fleetjobs.server.auth.KeyMaterial;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.Pem;
import dev.fleetjobs.store.JobStore;
import dev.fleetjobs.store.StoreReader;
import dev.fleetjobs.store.StoreTransaction;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * What the nodes of one shared database agree on, kept in it: the root key and the device CA
 * (their secrets sealed with the operator's sealing key) and a check that the key is the one the
 * first node was given. The first node to start creates them; nodes starting at the same moment
 * all end up with the first one stored.
 */
public final class ClusterSettings {

    public static final String SEALING_CHECK = "sealing-key-check";
    public static final String ROOT_ACCESS_KEY_ID = "root-access-key-id";
    public static final String ROOT_SECRET = "root-secret-access-key";
    public static final String DEVICE_CA_CERTIFICATE = "device-ca-certificate";
    public static final String DEVICE_CA_KEY = "device-ca-key";
    public static final String DEV_CLOCK_OFFSET = "dev-clock-offset";

    private static final String CHECK_TEXT = "fleetjobs sealing key";
    private static final String CA_KEY_AAD = "device-ca-key";

    private ClusterSettings() {
    }

    /** The box of the operator's key, checked against what the database was set up with. */
    public static SecretBox sealingKey(DatabaseOptions options, JobStore store) {
        if (options.sealingKey() == null) {
            throw new StartupException("PostgreSQL needs the sealing key that every node shares: give --sealing-key-file,"
                    + " FLEETJOBS_SEALING_KEY_FILE or FLEETJOBS_SEALING_KEY (make one with: head -c 32 /dev/urandom | base64)");
        }
        SecretBox box;
        try {
            box = SecretBox.fromKey(options.sealingKey(), options.sealingKeySource());
        } catch (IOException e) {
            throw new StartupException("The sealing key is not usable: " + e.getMessage());
        }
        String sealed = insertOrGet(store, SEALING_CHECK, box.seal(CHECK_TEXT, SEALING_CHECK));
        try {
            box.open(sealed, SEALING_CHECK);
        } catch (IllegalArgumentException e) {
            throw new StartupException("The sealing key from " + options.sealingKeySource() + " is not the one this database was"
                    + " set up with: every node needs the same key");
        }
        return box;
    }

    /** The root key given to this node, or the one the database keeps (made by the first node when none was given). */
    static RootCredentials rootCredentials(ServerConfig config, SecretBox box, JobStore store) {
        if (config.rootAccessKeyId() != null && config.rootSecretAccessKey() != null) {
            return new RootCredentials(config.rootAccessKeyId(), config.rootSecretAccessKey(), false);
        }
        String newId = KeyMaterial.newAccessKeyId();
        String newSecret = KeyMaterial.newSecretAccessKey();
        boolean[] created = {false};
        String[] stored = store.write((StoreTransaction tx) -> {
            if (tx.insertSetting(ROOT_ACCESS_KEY_ID, newId)) {
                tx.insertSetting(ROOT_SECRET, box.seal(newSecret, newId));
                created[0] = true;
            }
            return new String[] {tx.setting(ROOT_ACCESS_KEY_ID).orElseThrow(), tx.setting(ROOT_SECRET).orElseThrow()};
        }).join();
        return new RootCredentials(stored[0], box.open(stored[1], stored[0]), created[0]);
    }

    /** The device CA every node signs with, made by the first node. */
    static CertificateAuthority authority(SecretBox box, JobStore store, Clock clock) {
        CertificateAuthority fresh = CertificateAuthority.create(clock);
        String[] stored = store.write((StoreTransaction tx) -> {
            if (tx.insertSetting(DEVICE_CA_CERTIFICATE, Pem.of(fresh.certificate()))) {
                tx.insertSetting(DEVICE_CA_KEY, box.seal(fresh.keyPem(), CA_KEY_AAD));
            }
            return new String[] {tx.setting(DEVICE_CA_CERTIFICATE).orElseThrow(), tx.setting(DEVICE_CA_KEY).orElseThrow()};
        }).join();
        try {
            return CertificateAuthority.fromPem(stored[0], box.open(stored[1], CA_KEY_AAD), clock);
        } catch (IOException e) {
            throw new StartupException("The device CA kept in the database cannot be read: " + e.getMessage());
        }
    }

    /** Seals the CA's key as the nodes expect it (used by {@code fleetjobs store copy}). */
    public static String sealCaKey(SecretBox box, String keyPem) {
        return box.seal(keyPem, CA_KEY_AAD);
    }

    private static String insertOrGet(JobStore store, String name, String value) {
        return store.write((StoreTransaction tx) -> {
            tx.insertSetting(name, value);
            return tx.setting(name).orElseThrow();
        }).join();
    }

    static Optional<String> read(JobStore store, String name) {
        return store.read((StoreReader r) -> r.setting(name)).join();
    }
}
