package dev.fleetjobs.server.app;

import dev.fleetjobs.server.artifacts.ArtifactSettings;
import dev.fleetjobs.server.artifacts.ArtifactUrls;
import dev.fleetjobs.server.artifacts.DocumentPresigner;
import dev.fleetjobs.server.artifacts.ExternalArtifactUrls;
import dev.fleetjobs.server.artifacts.LocalArtifactUrls;
import dev.fleetjobs.server.artifacts.LocalObjectStore;
import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.auth.CredentialsLookup;
import dev.fleetjobs.server.auth.S3SignatureVerifier;
import dev.fleetjobs.server.auth.S3UrlSigner;
import dev.fleetjobs.server.s3.S3Front;
import dev.fleetjobs.server.service.DeviceDocuments;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The job-files half of the hand wiring: the built-in object store in the data directory, its S3
 * front, and the presigner that puts download URLs into devices' job documents (against the
 * built-in store or an external one). The URLs are signed with a read-only key of the server's own,
 * derived from the data directory's secret key, and checked on the job clock.
 */
final class ArtifactWiring implements AutoCloseable {

    /** The access key id of the presigned URLs in job documents; it may only read objects. */
    static final String READER_KEY_ID = "FLEETJOBSARTIFACTS01";
    static final String STORE_DIR = "artifacts";

    private final ArtifactSettings settings;
    private final S3Front front;
    private final ArtifactUrls urls;
    private final DeviceDocuments documents;

    private ArtifactWiring(ArtifactSettings settings, S3Front front, ArtifactUrls urls) {
        this.settings = settings;
        this.front = front;
        this.urls = urls;
        this.documents = new DocumentPresigner(urls);
    }

    static ArtifactWiring open(ServerConfig config, ArtifactSettings settings, SecurityWiring security, Clock jobClock,
                               Duration maxSkew) throws IOException {
        LocalObjectStore store = LocalObjectStore.open(config.dataDir().resolve(STORE_DIR));
        String readerSecret = security.derive("fleetjobs artifact presigning");
        AccessKeyRegistry keys = security.keys();
        CredentialsLookup credentials = id -> id.equals(READER_KEY_ID) ? Optional.of(readerSecret) : keys.secretKeyFor(id);
        S3SignatureVerifier verifier = new S3SignatureVerifier(credentials, Clock.systemUTC(), maxSkew,
                id -> id.equals(READER_KEY_ID) ? jobClock : Clock.systemUTC());
        S3Front front = new S3Front(store, verifier, keys, READER_KEY_ID, jobClock, config.accountId());
        ArtifactUrls urls = settings.external() != null ? ExternalArtifactUrls.create(settings.external())
                : new LocalArtifactUrls(new S3UrlSigner(READER_KEY_ID, readerSecret, config.region()), jobClock);
        return new ArtifactWiring(settings, front, urls);
    }

    S3Front front() {
        return front;
    }

    DeviceDocuments documents() {
        return documents;
    }

    /** Where MQTT devices are sent for files: the configured URL, else this host's main HTTP port. */
    String mqttOrigin(String bindHost, int mainPort) {
        if (settings.mqttOrigin() != null) {
            return settings.mqttOrigin();
        }
        String host = bindHost;
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "localhost";
            }
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + mainPort;
    }

    @Override
    public void close() {
        front.close();
        if (urls instanceof ExternalArtifactUrls external) {
            external.close();
        }
    }
}
