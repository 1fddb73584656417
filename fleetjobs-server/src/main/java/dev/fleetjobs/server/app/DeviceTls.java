package dev.fleetjobs.server.app;

import dev.fleetjobs.server.pki.CertificateAuthority;
import dev.fleetjobs.server.pki.PrivateFiles;
import dev.fleetjobs.server.pki.Pem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS settings of the device listener: TLS 1.2 or 1.3, a client certificate required and
 * checked by the device trust manager, and the server's own certificate, either configured or,
 * with {@code --dev}, made once by this server's CA ({@value #DEV_CERTIFICATE_FILE}).
 */
public final class DeviceTls {

    public static final String DEV_CERTIFICATE_FILE = "device-tls.pem";
    public static final String DEV_KEY_FILE = "device-tls.key";
    private static final Duration DEV_VALIDITY = Duration.ofDays(825);

    private DeviceTls() {
    }

    static HttpServerOptions options(ServerConfig config, CertificateAuthority authority, X509ExtendedTrustManager trust) throws IOException {
        SecurityOptions security = config.security();
        Path certificate = security.deviceTlsCertificate();
        Path key = security.deviceTlsKey();
        if (certificate == null) {
            if (!config.dev()) {
                throw new IllegalArgumentException("The device listener needs its TLS certificate and key"
                        + " (--device-tls-cert and --device-tls-key), or --dev to generate a development certificate");
            }
            certificate = config.dataDir().resolve(DEV_CERTIFICATE_FILE);
            key = config.dataDir().resolve(DEV_KEY_FILE);
            createDevCertificate(config.host(), authority, certificate, key);
        }
        PemKeyCertOptions keyCert = new PemKeyCertOptions()
                .setCertValue(Buffer.buffer(Files.readString(certificate)))
                .setKeyValue(Buffer.buffer(PrivateFiles.read(key)));
        return new HttpServerOptions()
                .setSsl(true)
                .setKeyCertOptions(keyCert)
                .setTrustOptions(TrustOptions.wrap(trust))
                .setClientAuth(ClientAuth.REQUIRED)
                .setEnabledSecureTransportProtocols(Set.of("TLSv1.2", "TLSv1.3"))
                .setSslHandshakeTimeout(10)
                .setSslHandshakeTimeoutUnit(TimeUnit.SECONDS);
    }

    private static void createDevCertificate(String host, CertificateAuthority authority, Path certificate, Path key) throws IOException {
        if (Files.exists(key) && Files.exists(certificate)) {
            return;
        }
        List<String> names = new ArrayList<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!host.equals("0.0.0.0") && !host.equals("::") && !names.contains(host)) {
            names.add(host);
        }
        KeyPair pair = CertificateAuthority.KeyPairs.ec();
        Files.deleteIfExists(certificate);
        Files.deleteIfExists(key);
        PrivateFiles.createIfAbsent(key, Pem.pkcs8(pair.getPrivate()));
        PrivateFiles.createIfAbsent(certificate, Pem.of(authority.issueServer(pair.getPublic(), "localhost", DEV_VALIDITY, names)));
    }
}
