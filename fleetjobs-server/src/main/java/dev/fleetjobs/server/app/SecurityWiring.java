package dev.fleetjobs.server.app;

import dev.fleetjobs.server.auth.AccessKeyRegistry;
import dev.fleetjobs.server.auth.DeviceCertificates;
import dev.fleetjobs.server.auth.SecretBox;
import dev.fleetjobs.server.auth.SecurityRefresher;
import dev.fleetjobs.server.auth.StoreDeviceCertificates;
import dev.fleetjobs.server.auth.TrustAnchors;
import dev.fleetjobs.server.http.CaCertificateRoutes;
import dev.fleetjobs.server.http.CertificateRoutes;
import dev.fleetjobs.server.http.RouteTable;
import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.service.Arns;
import dev.fleetjobs.server.service.CaCertificateService;
import dev.fleetjobs.server.service.CertificateService;
import dev.fleetjobs.server.service.ThingPrincipalService;
import dev.fleetjobs.store.SecurityStore;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The security half of the hand wiring: the data directory's secret key and CA, the in-memory
 * access keys and trust anchors kept fresh from the store, and the certificate operations.
 */
final class SecurityWiring implements AutoCloseable {

    /** Key pairs waiting to be generated beyond the one being made; more are refused with ThrottlingException. */
    private static final int KEY_QUEUE = 16;

    private final SecurityStore store;
    private final SecretBox box;
    private final CertificateAuthority authority;
    private final AccessKeyRegistry keys;
    private final TrustAnchors anchors;
    private final SecurityRefresher refresher;
    private final ExecutorService keyWork;
    private final DeviceCertificates deviceCertificates;

    private SecurityWiring(SecurityStore store, SecretBox box, CertificateAuthority authority, AccessKeyRegistry keys, TrustAnchors anchors,
                           SecurityRefresher refresher, ExecutorService keyWork) {
        this.store = store;
        this.box = box;
        this.authority = authority;
        this.keys = keys;
        this.anchors = anchors;
        this.refresher = refresher;
        this.keyWork = keyWork;
        this.deviceCertificates = new StoreDeviceCertificates(store, anchors);
    }

    static SecurityWiring open(ServerConfig config, RootCredentials root, SecurityStore store) throws IOException {
        return open(config, root, store, SecretBox.open(config.dataDir()), CertificateAuthority.openOrCreate(config.dataDir(), Clock.systemUTC()));
    }

    /** With the secret box and CA given: those every node of a shared database reads from it. */
    static SecurityWiring open(ServerConfig config, RootCredentials root, SecurityStore store, SecretBox box,
                               CertificateAuthority authority) {
        AccessKeyRegistry keys = new AccessKeyRegistry(root.accessKeyId(), root.secretAccessKey(), config.accountId());
        TrustAnchors anchors = new TrustAnchors(authority.certificate());
        SecurityRefresher refresher = new SecurityRefresher(store, keys, anchors, box);
        refresher.start(config.security().refreshInterval());
        ExecutorService keyWork = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(KEY_QUEUE), r -> {
            Thread thread = new Thread(r, "fleetjobs-key-generation");
            thread.setDaemon(true);
            return thread;
        });
        return new SecurityWiring(store, box, authority, keys, anchors, refresher, keyWork);
    }

    AccessKeyRegistry keys() {
        return keys;
    }

    /** A secret derived from the data directory's key for {@code purpose}: the same on every start and every node sharing the key. */
    String derive(String purpose) {
        return box.derive(purpose);
    }

    CertificateAuthority authority() {
        return authority;
    }

    /** What the device listener (and, later, the MQTT broker) asks about client certificates. */
    DeviceCertificates deviceCertificates() {
        return deviceCertificates;
    }

    /** Adds the certificate and CA certificate operations to the control plane. */
    void addRoutes(RouteTable controlPlane, Arns arns, String accountId, Clock clock) {
        CertificateService certificates = new CertificateService(store, authority, anchors, keyWork, arns, clock);
        controlPlane.addAll(new CertificateRoutes(certificates, new ThingPrincipalService(store, arns), arns, accountId));
        CaCertificateService cas = new CaCertificateService(store, box.derive("fleetjobs CA registration code"), refresher::refreshAsync,
                arns, clock);
        controlPlane.addAll(new CaCertificateRoutes(cas, arns, accountId));
    }

    @Override
    public void close() {
        refresher.close();
        keyWork.shutdownNow();
    }
}
